package id.berdaya.monitoring.schedule;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.MonitoringOfficerAreaRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import static id.berdaya.db.Tables.MONITORING_OFFICER_AREA;

/** Which field officer covers which kecamatan, district-scoped. */
@Repository
class OfficerAreaRepository extends DistrictScopedRepository<MonitoringOfficerAreaRecord> {

    OfficerAreaRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_OFFICER_AREA, MONITORING_OFFICER_AREA.KABKOTA_CODE, MONITORING_OFFICER_AREA.ID,
                MonitoringEntity.MONITORING_OFFICER_AREA);
    }

    /** Kecamatan code → officer id, of a visible kabupaten/kota. */
    Map<String, Long> ofKabkota(String kabkota) {
        var t = MONITORING_OFFICER_AREA;
        return selectVisible(t.KABKOTA_CODE.eq(kabkota)).fetchMap(t.KECAMATAN_CODE, t.OFFICER_ID);
    }

    Optional<Long> officerOf(String kecamatan) {
        var t = MONITORING_OFFICER_AREA;
        return selectVisible(t.KECAMATAN_CODE.eq(kecamatan)).fetchOptional(t.OFFICER_ID);
    }

    /** Sets (or with a null officer removes) the officer of a kecamatan; answers the officer before. */
    Long assign(String kabkota, String kecamatan, Long officerId, String by, LocalDateTime at) {
        var t = MONITORING_OFFICER_AREA;
        writing(kabkota); // refused (and audited) for another district, also when there is nothing to remove
        MonitoringOfficerAreaRecord r = selectVisible(t.KECAMATAN_CODE.eq(kecamatan)).forUpdate().fetchOne();
        Long before = r == null ? null : r.getOfficerId();
        if (officerId == null) {
            if (r != null) {
                writing(kabkota).deleteFrom(t).where(t.ID.eq(r.getId())).execute();
            }
            return before;
        }
        if (r == null) {
            r = newRecord(kabkota);
            r.setKecamatanCode(kecamatan);
        }
        r.setOfficerId(officerId);
        r.setAssignedBy(by);
        r.setAssignedAt(at);
        r.store();
        return before;
    }
}
