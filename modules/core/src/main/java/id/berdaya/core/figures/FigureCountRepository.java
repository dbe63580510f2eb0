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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static id.berdaya.db.Tables.CORE_FIGURE_COUNT;
import static id.berdaya.db.Tables.CORE_FIGURE_KABKOTA_MONTH;
import static id.berdaya.db.Tables.CORE_FIGURE_SOURCE;
import static id.berdaya.db.Tables.CORE_FIGURE_TOTAL;

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

    /**
     * Per key (kabupaten/kota, or kecamatan of {@code kabkota}), the sums of the figures over the
     * months in range (all months when both ends are null). Reads the roll-up that fits (V046):
     * all months from {@code core_figure_total}, the province's months from
     * {@code core_figure_kabkota_month}, a district's months from {@code core_figure_count}.
     */
    Map<String, Map<Figure, Long>> sums(Collection<Figure> figures, String kabkota, LocalDate fromMonth, LocalDate toMonth) {
        if (fromMonth == null && toMonth == null) {
            return grouped(TOTAL, kabkota == null ? TOTAL.kabkota() : TOTAL.kecamatan(), figures, kabkota, null, null);
        }
        return kabkota == null ? grouped(KABKOTA_MONTH, KABKOTA_MONTH.kabkota(), figures, null, fromMonth, toMonth)
                : grouped(COUNT, COUNT.kecamatan(), figures, kabkota, fromMonth, toMonth);
    }

    /** One of the three count tables (V045, V046): what it is keyed by; absent keys are null. */
    private record Counts(org.jooq.Table<?> table, Field<String> figure, Field<String> kabkota, Field<String> kecamatan,
                          Field<LocalDate> month, Field<Long> n) {
    }

    private static final Counts COUNT = new Counts(CORE_FIGURE_COUNT, CORE_FIGURE_COUNT.FIGURE, CORE_FIGURE_COUNT.KABKOTA_CODE,
            CORE_FIGURE_COUNT.KECAMATAN_CODE, CORE_FIGURE_COUNT.MONTH, CORE_FIGURE_COUNT.N);
    private static final Counts TOTAL = new Counts(CORE_FIGURE_TOTAL, CORE_FIGURE_TOTAL.FIGURE, CORE_FIGURE_TOTAL.KABKOTA_CODE,
            CORE_FIGURE_TOTAL.KECAMATAN_CODE, null, CORE_FIGURE_TOTAL.N);
    private static final Counts KABKOTA_MONTH = new Counts(CORE_FIGURE_KABKOTA_MONTH, CORE_FIGURE_KABKOTA_MONTH.FIGURE,
            CORE_FIGURE_KABKOTA_MONTH.KABKOTA_CODE, null, CORE_FIGURE_KABKOTA_MONTH.MONTH, CORE_FIGURE_KABKOTA_MONTH.N);

    /** The figures' sums in one count table per {@code key}, optionally of one kabupaten/kota and a range of months; zero sums left out. */
    private <K> Map<K, Map<Figure, Long>> grouped(Counts t, Field<K> key, Collection<Figure> figures, String kabkota,
                                                  LocalDate fromMonth, LocalDate toMonth) {
        Condition c = t.figure().in(figures.stream().map(Figure::name).toList())
                .and(kabkota == null ? DSL.noCondition() : t.kabkota().eq(kabkota))
                .and(t.month() == null ? DSL.noCondition() : months(t.month(), fromMonth, toMonth));
        Field<BigDecimal> sum = DSL.sum(t.n());
        Map<K, Map<Figure, Long>> out = new TreeMap<>();
        for (Record3<String, K, BigDecimal> r : dsl.select(t.figure(), key, sum).from(t.table()).where(c).groupBy(t.figure(), key).fetch()) {
            if (r.value3().signum() != 0) {
                out.computeIfAbsent(r.value2(), k -> new EnumMap<>(Figure.class)).put(Figure.valueOf(r.value1()), r.value3().longValue());
            }
        }
        return out;
    }

    private static Condition months(Field<LocalDate> month, LocalDate from, LocalDate to) {
        return (from == null ? DSL.noCondition() : month.ge(from)).and(to == null ? DSL.noCondition() : month.le(to));
    }

    /** Roll-up rows that differ from the sums of core_figure_count (empty when the V046 triggers kept them). */
    List<String> rollupDifferences() {
        return dsl.fetch("""
                SELECT CONCAT_WS(' ', 'total', figure, kabkota_code, kecamatan_code, ':', SUM(c), 'vs', SUM(s)) FROM (
                  SELECT figure, kabkota_code, kecamatan_code, n AS c, 0 AS s FROM core_figure_total
                  UNION ALL SELECT figure, kabkota_code, kecamatan_code, 0, n FROM core_figure_count
                ) x GROUP BY figure, kabkota_code, kecamatan_code HAVING SUM(c) <> SUM(s)
                UNION ALL
                SELECT CONCAT_WS(' ', 'month', figure, kabkota_code, month, ':', SUM(c), 'vs', SUM(s)) FROM (
                  SELECT figure, kabkota_code, month, n AS c, 0 AS s FROM core_figure_kabkota_month
                  UNION ALL SELECT figure, kabkota_code, month, 0, n FROM core_figure_count
                ) y GROUP BY figure, kabkota_code, month HAVING SUM(c) <> SUM(s)""").getValues(0, String.class);
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

    /**
     * Per month from {@code fromMonth} to {@code toMonth} (firsts of months), the figures' sums over
     * the province ({@code kabkota} null, from {@code core_figure_kabkota_month}) or one
     * kabupaten/kota (from {@code core_figure_count}); months without a count are absent.
     */
    Map<LocalDate, Map<Figure, Long>> monthly(Collection<Figure> figures, String kabkota, LocalDate fromMonth, LocalDate toMonth) {
        Counts t = kabkota == null ? KABKOTA_MONTH : COUNT;
        return grouped(t, t.month(), figures, kabkota, fromMonth, toMonth);
    }

    /** Rows of the counts that differ from the source's GROUP BY (figure, district, kecamatan, month: counted vs. source). */
    List<String> differences() {
        String sql = """
                SELECT CONCAT_WS(' ', figure, kabkota_code, kecamatan_code, month, ':', SUM(c), 'vs', SUM(s)) FROM (
                  SELECT figure, kabkota_code, kecamatan_code, month, n AS c, 0 AS s FROM core_figure_count
                  UNION ALL
                  SELECT figure, kabkota_code, kecamatan_code, month, 0, n FROM core_figure_source
                ) x GROUP BY figure, kabkota_code, kecamatan_code, month HAVING SUM(c) <> SUM(s)""";
        List<String> out = new java.util.ArrayList<>(dsl.fetch(sql).getValues(0, String.class));
        out.addAll(rollupDifferences());
        return out;
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
        dsl.deleteFrom(CORE_FIGURE_COUNT).execute(); // its triggers take the rows out of the roll-ups, which leaves zeros
        dsl.deleteFrom(CORE_FIGURE_TOTAL).execute();
        dsl.deleteFrom(CORE_FIGURE_KABKOTA_MONTH).execute();
        dsl.execute("""
                INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
                SELECT figure, kabkota_code, kecamatan_code, month, SUM(n) FROM core_figure_source
                GROUP BY figure, kabkota_code, kecamatan_code, month""");
    }
}
