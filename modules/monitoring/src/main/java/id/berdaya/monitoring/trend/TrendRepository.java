package id.berdaya.monitoring.trend;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.MonitoringVisitBusiness;
import id.berdaya.db.tables.records.MonitoringVisitRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.MONITORING_VISIT;

/**
 * Counts over the visits, district-scoped, each an index range: ({@code done}, {@code due_on}) for
 * what is open ({@code ix_monitoring_visit_open}), ({@code visited_on}) for what was done.
 */
@Repository
class TrendRepository extends DistrictScopedRepository<MonitoringVisitRecord> {

    private static final id.berdaya.db.tables.MonitoringVisit V = MONITORING_VISIT;

    TrendRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_VISIT, MONITORING_VISIT.KABKOTA_CODE, MONITORING_VISIT.ID, MonitoringEntity.MONITORING_VISIT);
    }

    /** Open visits due in [from, to) counted per kabupaten/kota (null) or per kecamatan of one: an index range of ix_monitoring_visit_open. */
    Map<String, Integer> countOpen(String kabkota, LocalDate from, LocalDate to) {
        Field<String> key = kabkota == null ? V.KABKOTA_CODE : V.KECAMATAN_CODE;
        Condition c = V.DONE.isFalse().and(V.DUE_ON.lt(to));
        if (from != null) {
            c = c.and(V.DUE_ON.ge(from));
        }
        if (kabkota != null) {
            c = c.and(V.KABKOTA_CODE.eq(kabkota));
        }
        Field<Integer> n = DSL.count();
        return selectVisible(List.of(key, n), c).groupBy(key).fetchMap(key, n);
    }

    /** Per kabupaten/kota: open visits due before {@code before}. */
    Map<String, Integer> overdueByKabkota(LocalDate before) {
        Field<Integer> n = DSL.count();
        return selectVisible(List.of(V.KABKOTA_CODE, n), V.DONE.isFalse().and(V.DUE_ON.lt(before))).groupBy(V.KABKOTA_CODE)
                .fetchMap(V.KABKOTA_CODE, n);
    }

    /** Per kabupaten/kota: visits since {@code since} that found the business stopped. */
    Map<String, Integer> stoppedByKabkota(LocalDate since) {
        Field<Integer> n = DSL.count();
        return selectVisible(List.of(V.KABKOTA_CODE, n), V.VISITED_ON.ge(since).and(V.BUSINESS.eq(MonitoringVisitBusiness.STOPPED)))
                .groupBy(V.KABKOTA_CODE).fetchMap(V.KABKOTA_CODE, n);
    }
}
