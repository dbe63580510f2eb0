package id.berdaya.core.figures;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import static id.berdaya.db.Tables.CORE_FIGURE_COUNT;
import static id.berdaya.db.Tables.CORE_FIGURE_SOURCE;

/**
 * Reads {@code core_figure_count} (kept by the triggers of V045) and rebuilds it from the view
 * {@code core_figure_source}. Counts are aggregates, not a district's records: the scorecard
 * service decides who sees which district's counts.
 */
@Repository
class FigureCountRepository {

    private final DSLContext dsl;

    FigureCountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Per key (kabupaten/kota, or kecamatan of {@code kabkota}), the sums of the figures over the months in range. */
    Map<String, Map<Figure, Long>> sums(Collection<Figure> figures, String kabkota, LocalDate fromMonth, LocalDate toMonth) {
        var t = CORE_FIGURE_COUNT;
        Field<String> key = kabkota == null ? t.KABKOTA_CODE : t.KECAMATAN_CODE;
        Condition c = t.FIGURE.in(figures.stream().map(Figure::name).toList());
        if (kabkota != null) {
            c = c.and(t.KABKOTA_CODE.eq(kabkota));
        }
        if (fromMonth != null) {
            c = c.and(t.MONTH.ge(fromMonth));
        }
        if (toMonth != null) {
            c = c.and(t.MONTH.le(toMonth));
        }
        Field<BigDecimal> sum = DSL.sum(t.N);
        Map<String, Map<Figure, Long>> out = new TreeMap<>();
        for (Record3<String, String, BigDecimal> r : dsl.select(t.FIGURE, key, sum).from(t).where(c).groupBy(t.FIGURE, key).fetch()) {
            out.computeIfAbsent(r.value2(), k -> new EnumMap<>(Figure.class)).put(Figure.valueOf(r.value1()), r.value3().longValue());
        }
        return out;
    }

    /** The same sums counted from the source tables (the naive GROUP BY, for the benchmark and the check). */
    Map<String, Map<Figure, Long>> sourceSums(Collection<Figure> figures, String kabkota) {
        var v = CORE_FIGURE_SOURCE;
        Field<String> key = kabkota == null ? v.KABKOTA_CODE : v.KECAMATAN_CODE;
        Condition c = v.FIGURE.in(figures.stream().map(Figure::name).toList());
        if (kabkota != null) {
            c = c.and(v.KABKOTA_CODE.eq(kabkota));
        }
        Field<BigDecimal> sum = DSL.sum(v.N);
        Map<String, Map<Figure, Long>> out = new TreeMap<>();
        for (var r : dsl.select(v.FIGURE, key, sum).from(v).where(c).groupBy(v.FIGURE, key).fetch()) {
            out.computeIfAbsent(r.value2(), k -> new EnumMap<>(Figure.class)).put(Figure.valueOf(r.value1()), r.value3().longValue());
        }
        return out;
    }

    /** Rows of the counts that differ from the source's GROUP BY (figure, district, kecamatan, month: counted vs. source). */
    java.util.List<String> differences() {
        String sql = """
                SELECT CONCAT_WS(' ', figure, kabkota_code, kecamatan_code, month, ':', SUM(c), 'vs', SUM(s)) FROM (
                  SELECT figure, kabkota_code, kecamatan_code, month, n AS c, 0 AS s FROM core_figure_count
                  UNION ALL
                  SELECT figure, kabkota_code, kecamatan_code, month, 0, n FROM core_figure_source
                ) x GROUP BY figure, kabkota_code, kecamatan_code, month HAVING SUM(c) <> SUM(s)""";
        return dsl.fetch(sql).getValues(0, String.class);
    }

    /** Adds the deltas in key order (so that two writers lock the rows in the same order). */
    void add(java.util.List<FigureCounts.Delta> deltas) {
        var t = CORE_FIGURE_COUNT;
        deltas.stream().filter(d -> d.n() != 0).sorted(java.util.Comparator.comparing(FigureCounts.Delta::key)).forEach(d ->
                dsl.insertInto(t, t.FIGURE, t.KABKOTA_CODE, t.KECAMATAN_CODE, t.MONTH, t.N)
                        .values(d.figure().name(), d.kabkotaCode(), d.kecamatanCode(), d.month().withDayOfMonth(1), d.n())
                        .onDuplicateKeyUpdate().set(t.N, t.N.plus(d.n())).execute());
    }

    /** Whether the triggers of this connection's session leave their counts to the caller (V045). */
    void deferTriggers(boolean deferred) {
        dsl.execute(deferred ? "SET @berdaya_figures_deferred = 1" : "SET @berdaya_figures_deferred = NULL");
    }

    /** Replaces every count by the source's GROUP BY. */
    void rebuild() {
        dsl.deleteFrom(CORE_FIGURE_COUNT).execute();
        dsl.execute("""
                INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
                SELECT figure, kabkota_code, kecamatan_code, month, SUM(n) FROM core_figure_source
                GROUP BY figure, kabkota_code, kecamatan_code, month""");
    }
}
