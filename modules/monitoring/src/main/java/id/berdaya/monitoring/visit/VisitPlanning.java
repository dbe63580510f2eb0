package id.berdaya.monitoring.visit;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.schedule.ScheduleService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An open visit's plan changed, behind {@link VisitService#reschedule} and {@link VisitService#reassign}
 * (the service finds and locks the visit and checks who asks): a new due date for a reason, or another
 * field officer of the district; each change kept in the visit's history ({@code monitoring_visit_change})
 * and audited.
 */
@Component
class VisitPlanning {

    private final VisitRepository visits;
    private final VisitChangeRepository changes;
    private final ScheduleService schedule;
    private final AuditLog audit;
    private final Clock clock;

    VisitPlanning(VisitRepository visits, VisitChangeRepository changes, ScheduleService schedule, AuditLog audit, Clock clock) {
        this.visits = visits;
        this.changes = changes;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    /** Moves the locked visit's due date to {@code dueOn} (not before {@code today}) for a reason. */
    Visit reschedule(Visit v, LocalDate dueOn, String reason, int version, LocalDate today) {
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "monitoring.visit.reasonRequired");
        }
        if (dueOn == null || dueOn.isBefore(today)) {
            throw new RuleViolation("dueOn", "monitoring.visit.dueInPast");
        }
        if (v.done() || !visits.reschedule(v, dueOn, version)) {
            throw RuleViolation.concurrentChange();
        }
        changes.insert(v.id(), v.kabkotaCode(), new VisitChange(VisitChange.Kind.RESCHEDULED, v.dueOn(), dueOn, null, null, reason.trim(),
                CurrentUser.require().getUsername(), clock.instant()));
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_VISIT_RESCHEDULED).entity(MonitoringEntity.MONITORING_VISIT, v.id())
                .district(v.kabkotaCode()).before(Map.of("due", v.dueOn().toString()))
                .after(Map.of("due", dueOn.toString(), "reason", reason.trim())));
        return visits.find(v.id()).orElseThrow();
    }

    /** Gives the locked visit to another field officer of its district, or to none. */
    Visit reassign(Visit v, Long officerId, int version) {
        if (officerId != null && !schedule.isFieldOfficerOf(officerId, v.kabkotaCode())) {
            throw new RuleViolation("officer", "monitoring.officer.notFieldOfficer");
        }
        if (v.done() || !visits.reassign(v, officerId, version)) {
            throw RuleViolation.concurrentChange();
        }
        changes.insert(v.id(), v.kabkotaCode(), new VisitChange(VisitChange.Kind.REASSIGNED, null, null, v.officerId(), officerId, null,
                CurrentUser.require().getUsername(), clock.instant()));
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_VISIT_REASSIGNED).entity(MonitoringEntity.MONITORING_VISIT, v.id())
                .district(v.kabkotaCode()).before(Map.of("officer", v.officerId() == null ? "" : v.officerId()))
                .after(Map.of("officer", officerId == null ? "" : officerId)));
        return visits.find(v.id()).orElseThrow();
    }

    /** The visit's history of due dates and officers. */
    List<VisitChange> history(long visitId) {
        return changes.ofVisit(visitId);
    }
}
