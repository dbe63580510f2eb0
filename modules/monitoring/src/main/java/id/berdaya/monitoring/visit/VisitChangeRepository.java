package id.berdaya.monitoring.visit;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.MonitoringVisitChangeKind;
import id.berdaya.db.tables.records.MonitoringVisitChangeRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static id.berdaya.db.Tables.MONITORING_VISIT_CHANGE;

/** The history of visits' due dates and officers (append-only), district-scoped. */
@Repository
class VisitChangeRepository extends DistrictScopedRepository<MonitoringVisitChangeRecord> {

    VisitChangeRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_VISIT_CHANGE, MONITORING_VISIT_CHANGE.KABKOTA_CODE, MONITORING_VISIT_CHANGE.ID,
                MonitoringEntity.MONITORING_VISIT);
    }

    void deleteOfVisits(java.util.Collection<Long> visitIds, String kabkota) {
        writing(kabkota).deleteFrom(MONITORING_VISIT_CHANGE).where(MONITORING_VISIT_CHANGE.VISIT_ID.in(visitIds)).execute();
    }

    void insert(long visitId, String kabkota, VisitChange c) {
        MonitoringVisitChangeRecord r = newRecord(kabkota);
        r.setVisitId(visitId);
        r.setKind(MonitoringVisitChangeKind.valueOf(c.kind().name()));
        r.setDueBefore(c.dueBefore());
        r.setDueAfter(c.dueAfter());
        r.setOfficerBefore(c.officerBefore());
        r.setOfficerAfter(c.officerAfter());
        r.setReason(c.reason());
        r.setChangedBy(c.changedBy());
        r.setChangedAt(LocalDateTime.ofInstant(c.changedAt(), ZoneOffset.UTC));
        r.store();
    }

    List<VisitChange> ofVisit(long visitId) {
        var t = MONITORING_VISIT_CHANGE;
        return selectVisible(t.VISIT_ID.eq(visitId)).orderBy(t.ID).fetch(r -> new VisitChange(
                VisitChange.Kind.valueOf(r.getKind().getLiteral()), r.getDueBefore(), r.getDueAfter(), r.getOfficerBefore(),
                r.getOfficerAfter(), r.getReason(), r.getChangedBy(), r.getChangedAt().toInstant(ZoneOffset.UTC)));
    }
}
