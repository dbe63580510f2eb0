package id.berdaya.monitoring.tally;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.MonitoringCohortRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static id.berdaya.db.Tables.MONITORING_COHORT;

/** The cohort counts per kecamatan and handover quarter, district-scoped; each visit adds to its row in its transaction. */
@Repository
class CohortRepository extends DistrictScopedRepository<MonitoringCohortRecord> {

    private static final id.berdaya.db.tables.MonitoringCohort T = MONITORING_COHORT;

    CohortRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_COHORT, MONITORING_COHORT.KABKOTA_CODE, MONITORING_COHORT.ID, MonitoringEntity.MONITORING_COHORT);
    }

    void add(String kabkota, String kecamatan, LocalDate quarter, boolean twelve, boolean running) {
        Field<Integer> visited = twelve ? T.VISITED_12M : T.VISITED_6M;
        Field<Integer> runs = twelve ? T.RUNNING_12M : T.RUNNING_6M;
        int r = running ? 1 : 0;
        writing(kabkota).insertInto(T, T.KABKOTA_CODE, T.KECAMATAN_CODE, T.HANDED_QUARTER, visited, runs).values(kabkota, kecamatan, quarter, 1, r)
                .onDuplicateKeyUpdate().set(visited, visited.plus(1)).set(runs, runs.plus(r)).execute();
    }

    /** Visible counts per quarter from {@code fromQuarter} (a quarter's first day), oldest first. */
    List<TallyService.Cohort> sums(String kabkota, LocalDate fromQuarter) {
        Condition c = T.HANDED_QUARTER.ge(fromQuarter);
        if (kabkota != null) {
            c = c.and(T.KABKOTA_CODE.eq(kabkota));
        }
        List<Field<BigDecimal>> n = List.of(DSL.sum(T.VISITED_6M), DSL.sum(T.RUNNING_6M), DSL.sum(T.VISITED_12M), DSL.sum(T.RUNNING_12M));
        List<Field<?>> fields = new java.util.ArrayList<>(n);
        fields.addFirst(T.HANDED_QUARTER);
        return selectVisible(fields, c).groupBy(T.HANDED_QUARTER).orderBy(T.HANDED_QUARTER).fetch(r -> new TallyService.Cohort(
                r.get(T.HANDED_QUARTER), num(r.get(n.get(0))), num(r.get(n.get(1))), num(r.get(n.get(2))), num(r.get(n.get(3)))));
    }

    private static long num(BigDecimal v) {
        return v == null ? 0 : v.longValue();
    }
}
