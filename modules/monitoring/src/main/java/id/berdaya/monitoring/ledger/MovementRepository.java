package id.berdaya.monitoring.ledger;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.MonitoringMovementKind;
import id.berdaya.db.tables.records.MonitoringMovementRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import static id.berdaya.db.Tables.MONITORING_ASSET;
import static id.berdaya.db.Tables.MONITORING_MOVEMENT;

/** The asset ledger's movements (append-only), district-scoped. */
@Repository
class MovementRepository extends DistrictScopedRepository<MonitoringMovementRecord> {

    MovementRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_MOVEMENT, MONITORING_MOVEMENT.KABKOTA_CODE, MONITORING_MOVEMENT.ID,
                MonitoringEntity.MONITORING_ASSET);
    }

    void insert(Asset a, String kabkota, Long visitId, MovementKind kind, int quantity, Long price, String cause,
                int balanceAfter, LocalDate on, String by, LocalDateTime at) {
        MonitoringMovementRecord r = newRecord(kabkota);
        r.setAssetId(a.id());
        r.setCaseId(a.caseId());
        r.setVisitId(visitId);
        r.setKind(MonitoringMovementKind.valueOf(kind.name()));
        r.setQuantity(quantity);
        r.setPrice(price);
        r.setCause(cause);
        r.setBalanceAfter(balanceAfter);
        r.setMovedOn(on);
        r.setRecordedBy(by);
        r.setRecordedAt(at);
        r.store();
    }

    /** The movements of these cases, oldest first, with their item's name. */
    /** How many movements of the case are not the handover's own (a visit's). */
    int movedSinceHandover(long caseId) {
        var t = id.berdaya.db.Tables.MONITORING_MOVEMENT;
        return countVisible(t.CASE_ID.eq(caseId).and(t.KIND.ne(id.berdaya.db.enums.MonitoringMovementKind.HANDED_OVER)));
    }

    void deleteOfCase(long caseId, String kabkota) {
        var t = id.berdaya.db.Tables.MONITORING_MOVEMENT;
        writing(kabkota).deleteFrom(t).where(t.CASE_ID.eq(caseId)).execute();
    }

    List<Movement> ofCases(Collection<Long> caseIds) {
        var m = MONITORING_MOVEMENT;
        var a = MONITORING_ASSET;
        return selectVisible(List.of(m.ID, m.ASSET_ID, a.NAME, a.UNIT, m.VISIT_ID, m.KIND, m.QUANTITY, m.PRICE, m.CAUSE,
                m.BALANCE_AFTER, m.MOVED_ON), m.join(a).on(a.ID.eq(m.ASSET_ID)), m.CASE_ID.in(caseIds))
                .orderBy(m.MOVED_ON, m.ID)
                .fetch(r -> new Movement(r.get(m.ID), r.get(m.ASSET_ID), r.get(a.NAME), r.get(a.UNIT), r.get(m.VISIT_ID),
                        MovementKind.valueOf(r.get(m.KIND).getLiteral()), r.get(m.QUANTITY), r.get(m.PRICE), r.get(m.CAUSE),
                        r.get(m.BALANCE_AFTER), r.get(m.MOVED_ON)));
    }
}
