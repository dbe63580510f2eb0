package id.berdaya.registry.beneficiary;

import id.berdaya.registry.Sex;

import id.berdaya.core.database.RenderedQueries;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScope.Reach;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register list renders its SQL once per shape ({@link RenderedQueries}), so a shape must fix
 * the SQL whatever the values, and the values must be bound where jOOQ would bind them. Checked
 * for every combination of filter fields, each of the three reaches of the district scope, and a
 * drawn order, seek and kind of query (page, export, capped count): no database needed.
 */
class ListShapeTest {

    private final DSLContext dsl = DSL.using(SQLDialect.MARIADB, new Settings()
            .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED).withRenderSchema(false));
    private final BeneficiaryListRepository repository = new BeneficiaryListRepository(dsl, new DistrictScope(null), () -> List.of("33.01", "33.02", "33.03"));
    private final RenderedQueries renderer = new RenderedQueries(dsl, 0);

    /** Two sets of values for the same fields: everything differs, nothing about the shape. */
    private static BeneficiaryFilter filter(int fields, boolean second) {
        int nameWords = (fields & 3) % 3; // 0, 1 or 2 words
        return new BeneficiaryFilter(
                bit(fields, 2) ? (second ? "3374015507850002" : "3303014101900001") : null,
                nameWords == 0 ? null : nameWords == 1 ? (second ? "dewi" : "sari") : (second ? "dewi lestari" : "sri wahyu"),
                bit(fields, 3) ? (second ? "33.26" : "33.03") : null,
                bit(fields, 4) ? (second ? "33.26.01" : "33.03.05") : null,
                bit(fields, 5) ? (second ? "33.26.01.2001" : "33.03.05.2003") : null,
                bit(fields, 6) ? (second ? 15 : 10) : null,
                bit(fields, 7) ? (second ? BeneficiaryStatus.ACTIVE : BeneficiaryStatus.VERIFIED) : null,
                bit(fields, 8) ? (second ? Sex.P : Sex.L) : null,
                bit(fields, 9) ? (second ? 30 : 18) : null,
                bit(fields, 10) ? (second ? 60 : 45) : null,
                bit(fields, 11),
                bit(fields, 12) ? (second ? "OUTREACH" : "LAPAS_BAPAS") : null);
    }

    private static boolean bit(int fields, int bit) {
        return (fields & (1 << bit)) != 0;
    }

    private record Built(String shape, Query query, Map<String, Object> values) {
    }

    private Built build(int fields, boolean second, Reach reach, ListOrder order, boolean seek, int kind) {
        var s = new BeneficiaryListRepository.Shape(new DistrictScope.Visibility(reach, reach == Reach.ONE ? (second ? "33.26" : "33.03") : null));
        BeneficiaryFilter f = filter(fields, second);
        Query q = switch (kind) {
            case 0 -> repository.select(s, f, order, !seek ? null : second
                    ? new BeneficiaryListRepository.After("wulan", java.time.LocalDate.of(1990, 5, 1), 900_000L)
                    : new BeneficiaryListRepository.After("ani", java.time.LocalDate.of(1971, 2, 3), 12L), second ? 100 : 50);
            case 1 -> repository.select(s, f, ListOrder.NEWEST, null, null); // the export
            default -> repository.count(s, f, second ? 500 : 10_000);
        };
        return new Built(s.key(), q, s.values());
    }

    @Test
    void everyShapeHasOneSqlWhateverItsValuesAndBindsThemWhereJooqWould() {
        Random random = new Random(2026);
        Map<String, String> sqlOfShape = new HashMap<>();
        int combinations = 0;
        for (int fields = 0; fields < 1 << 13; fields++) {
            if ((fields & 3) == 3) {
                continue; // the name takes three states in two bits
            }
            for (Reach reach : Reach.values()) {
                ListOrder order = ListOrder.values()[random.nextInt(3)];
                boolean seek = random.nextBoolean();
                int kind = random.nextInt(3);
                Built a = build(fields, false, reach, order, seek, kind);
                Built b = build(fields, true, reach, order, seek, kind);

                assertThat(b.shape()).as("values do not change the shape").isEqualTo(a.shape());
                String named = dsl.renderNamedParams(a.query());
                assertThat(dsl.renderNamedParams(b.query())).as("one SQL for shape %s", a.shape()).isEqualTo(named);
                String earlier = sqlOfShape.putIfAbsent(a.shape(), named);
                assertThat(earlier == null ? named : earlier).as("the shape %s names one SQL", a.shape()).isEqualTo(named);

                for (Built x : List.of(a, b)) {
                    RenderedQueries.Rendered r = renderer.render(x.query());
                    assertThat(r.sql()).isEqualTo(dsl.render(x.query()));
                    List<Object> bound = r.parameters().stream().map(x.values()::get).map(ListShapeTest::jdbc).toList();
                    List<Object> jooq = dsl.extractBindValues(x.query()).stream().map(ListShapeTest::jdbc).toList();
                    assertThat(bound).as("bind values of %s", r.sql()).isEqualTo(jooq);
                }
                combinations++;
            }
        }
        assertThat(combinations).isEqualTo(3 * 2048 * Reach.values().length);
        assertThat(sqlOfShape.size()).as("distinct shapes seen").isGreaterThan(1000);
    }

    private static Object jdbc(Object v) {
        return v instanceof EnumType e ? e.getLiteral() : v;
    }
}
