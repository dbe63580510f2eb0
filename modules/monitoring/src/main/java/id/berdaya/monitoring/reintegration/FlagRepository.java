package id.berdaya.monitoring.reintegration;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.MonitoringFlagKind;
import id.berdaya.db.tables.records.MonitoringFlagRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.berdaya.db.Tables.MONITORING_FLAG;

/** Reintegration risk flags, district-scoped. */
@Repository
class FlagRepository extends DistrictScopedRepository<MonitoringFlagRecord> {

    FlagRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_FLAG, MONITORING_FLAG.KABKOTA_CODE, MONITORING_FLAG.ID, MonitoringEntity.MONITORING_FLAG);
    }

    long insert(long caseId, Long visitId, String kabkota, String kecamatan, FlagKind kind, String note, LocalDate on, String by) {
        MonitoringFlagRecord r = newRecord(kabkota);
        r.setCaseId(caseId);
        r.setVisitId(visitId);
        r.setKecamatanCode(kecamatan);
        r.setKind(MonitoringFlagKind.valueOf(kind.name()));
        r.setNote(note);
        r.setRaisedOn(on);
        r.setRaisedBy(by);
        r.store();
        return r.getId();
    }

    List<Flag> ofCase(long caseId) {
        var t = MONITORING_FLAG;
        return selectVisible(t.CASE_ID.eq(caseId)).orderBy(t.ID).fetch(FlagRepository::toFlag);
    }

    /** A flag's place, for its closing. */
    record Located(long id, long caseId, String kabkotaCode, String kecamatanCode, boolean closed) {
    }

    Optional<Located> find(long id) {
        return findVisible(id).map(r -> new Located(r.getId(), r.getCaseId(), r.getKabkotaCode(), r.getKecamatanCode(),
                r.getClosedOn() != null));
    }

    /** Closes an open flag seen at {@code version}; false if it changed meanwhile. */
    boolean close(Located r, LocalDate on, String by, String note, int version) {
        var t = MONITORING_FLAG;
        return writing(r.kabkotaCode()).update(t).set(t.CLOSED_ON, on).set(t.CLOSED_BY, by).set(t.CLOSE_NOTE, note)
                .set(t.VERSION, t.VERSION.plus(1))
                .where(t.ID.eq(r.id()).and(t.VERSION.eq(version)).and(t.CLOSED_ON.isNull())).execute() == 1;
    }

    /** Open flags per case, for visible cases among {@code caseIds}. */
    Map<Long, Integer> openCounts(Collection<Long> caseIds) {
        var t = MONITORING_FLAG;
        Field<Integer> n = DSL.count();
        return selectVisible(List.of(t.CASE_ID, n), t.CASE_ID.in(caseIds).and(t.CLOSED_ON.isNull()))
                .groupBy(t.CASE_ID).fetchMap(t.CASE_ID, n);
    }

    /** Per case, the open flags raised on or after {@code since}, of a visible kabupaten/kota (null: all visible), at most {@code limit}. */
    Map<Long, LocalDate> raisedSince(String kabkota, LocalDate since, int limit) {
        var t = MONITORING_FLAG;
        var c = t.RAISED_ON.ge(since).and(t.CLOSED_ON.isNull());
        if (kabkota != null) {
            c = c.and(t.KABKOTA_CODE.eq(kabkota));
        }
        Field<LocalDate> last = DSL.max(t.RAISED_ON);
        return selectVisible(List.of(t.CASE_ID, last), c).groupBy(t.CASE_ID).limit(limit).fetchMap(t.CASE_ID, last);
    }

    /** Open flags raised on or after {@code since}, per kabupaten/kota (visible ones). */
    Map<String, Integer> raisedSinceByKabkota(LocalDate since) {
        var t = MONITORING_FLAG;
        Field<Integer> n = DSL.count();
        return selectVisible(List.of(t.KABKOTA_CODE, n), t.RAISED_ON.ge(since).and(t.CLOSED_ON.isNull()))
                .groupBy(t.KABKOTA_CODE).fetchMap(t.KABKOTA_CODE, n);
    }

    private static Flag toFlag(MonitoringFlagRecord r) {
        return new Flag(r.getId(), r.getCaseId(), r.getVisitId(), FlagKind.valueOf(r.getKind().getLiteral()), r.getNote(),
                r.getRaisedOn(), r.getRaisedBy(), r.getClosedOn(), r.getClosedBy(), r.getCloseNote(), r.getVersion());
    }
}
