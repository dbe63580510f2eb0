package id.berdaya.monitoring.visit;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.grants.handover.HandoverVoided;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.ledger.LedgerService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Withdraws the follow-up of a voided handover, in the void's own transaction (a plain listener).
 * A void corrects a wrong record (berita acara): the proposal may be handed over again, which
 * builds a new follow-up from the new date, so the old one must leave every worklist, count and
 * alert. While no visit was recorded the follow-up is removed whole: its open visits with their
 * history of due dates and officers, and the ledger's opening; the audit keeps what it held.
 * <p>
 * Once a visit was recorded, the follow-up holds what a field officer found in the field (the
 * business, the ledger's movements, perhaps a risk flag, counted in the scorecards). A district
 * head would not expect a paperwork correction to erase that, nor a second schedule to visit the
 * same person again from the start, so the void is refused ({@code monitoring.withdraw.visitsDone},
 * naming how many visits were recorded) and rolled back; the record is then corrected with the
 * province.
 */
@Component
class Withdrawal {

    private final CaseRepository cases;
    private final VisitRepository visits;
    private final VisitChangeRepository changes;
    private final PhotoRepository photos;
    private final LedgerService ledger;
    private final AuditLog audit;

    Withdrawal(CaseRepository cases, VisitRepository visits, VisitChangeRepository changes, PhotoRepository photos,
               LedgerService ledger, AuditLog audit) {
        this.cases = cases;
        this.visits = visits;
        this.changes = changes;
        this.photos = photos;
        this.ledger = ledger;
        this.audit = audit;
    }

    @EventListener
    public void on(HandoverVoided e) {
        Optional<FollowUp> found = cases.lockOfHandover(e.handoverId());
        if (found.isEmpty()) {
            return;
        }
        FollowUp f = found.get();
        List<Visit> all = visits.lockOfCase(f.id());
        long done = all.stream().filter(Visit::done).count();
        if (done > 0) {
            throw new RuleViolation(null, "monitoring.withdraw.visitsDone", done);
        }
        List<Long> ids = all.stream().map(Visit::id).toList();
        if (!ids.isEmpty()) {
            photos.deleteOfVisits(ids, f.kabkotaCode());
            changes.deleteOfVisits(ids, f.kabkotaCode());
        }
        visits.deleteOpenOfCase(f.id(), f.kabkotaCode());
        ledger.withdraw(f.id(), f.kabkotaCode());
        cases.delete(f);
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_WITHDRAWN).entity(MonitoringEntity.MONITORING_CASE, f.id())
                .district(f.kabkotaCode())
                .before(Map.of("handover", f.handoverId(), "beneficiary", f.beneficiaryId(), "handedOn", f.handedOn().toString(),
                        "visits", all.stream().map(v -> Map.of("id", v.id(), "month", v.monthOffset(), "due", v.dueOn().toString(),
                                "officer", v.officerId() == null ? "" : String.valueOf(v.officerId()))).toList()))
                .after(Map.of("reason", "handover voided")));
    }
}
