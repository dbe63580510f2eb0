package id.berdaya.training.event;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.security.Role;
import id.berdaya.training.partner.Partner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules {@link EventService} checks: a valid event, a valid session, and what a role may do at a status. */
final class EventRules {

    private EventRules() {
    }

    /** Whether a role creates and changes events (the service's {@code EDITORS}). */
    static boolean editor(Role role) {
        return role == Role.PROVINCE_OFFICER || role == Role.DISTRICT_HEAD || role == Role.DISTRICT_OPERATOR;
    }

    /** What a role may do with a visible event at this status. */
    static Set<EventAction> actions(Role role, EventStatus st) {
        boolean editor = editor(role);
        Set<EventAction> may = EnumSet.noneOf(EventAction.class);
        if (editor && st != EventStatus.CLOSED && st != EventStatus.CANCELLED) {
            may.add(EventAction.EDIT);
            may.add(EventAction.CANCEL);
        }
        if (editor && st.canMoveTo(EventStatus.OPEN)) {
            may.add(EventAction.OPEN);
        }
        if (editor && st.canMoveTo(EventStatus.RUNNING)) {
            may.add(EventAction.START);
        }
        if (editor && st.enrolling()) {
            may.add(EventAction.ENROL);
        }
        if (st.recording() && role != Role.PROVINCE_ADMIN) {
            may.add(EventAction.RECORD); // attendance (a PARTNER at its own sessions); scores: editors
        }
        if ((role == Role.DISTRICT_HEAD || role == Role.PROVINCE_OFFICER) && st == EventStatus.RUNNING) {
            may.add(EventAction.CLOSE);
        }
        if (role == Role.PROVINCE_OFFICER && st == EventStatus.CLOSED) {
            may.add(EventAction.REOPEN);
            may.add(EventAction.REVOKE_CERTIFICATES);
        }
        if (role != Role.PARTNER) {
            may.add(EventAction.SEE_RESULTS);
            may.add(EventAction.EXPORT);
            if (st == EventStatus.CLOSED) {
                may.add(EventAction.PRINT_CERTIFICATES);
            }
        }
        return may;
    }

    /** Refuses an event with every problem at once. */
    static void check(NewEvent n) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (n.kabkotaCode() == null) {
            problems.add(new RuleViolation.Problem("kabkotaCode", "training.event.kabkotaRequired"));
        }
        if (n.budgetYear() < 2020 || n.budgetYear() > 2100) {
            problems.add(new RuleViolation.Problem("budgetYear", "training.event.budgetYear"));
        }
        if (n.internalTitle() == null || n.internalTitle().isBlank()) {
            problems.add(new RuleViolation.Problem("internalTitle", "training.event.titleRequired"));
        }
        if (n.publicTitle() == null || n.publicTitle().isBlank()) {
            problems.add(new RuleViolation.Problem("publicTitle", "training.event.titleRequired"));
        }
        if (n.kind() == null) {
            problems.add(new RuleViolation.Problem("kind", "training.event.kindRequired"));
        }
        if (n.venue() == null || n.venue().isBlank()) {
            problems.add(new RuleViolation.Problem("venue", "training.event.venueRequired"));
        }
        if (n.startDate() == null || n.endDate() == null) {
            problems.add(new RuleViolation.Problem("startDate", "training.event.datesRequired"));
        } else if (n.endDate().isBefore(n.startDate())) {
            problems.add(new RuleViolation.Problem("endDate", "training.event.endBeforeStart"));
        }
        if (n.quota() < 1) {
            problems.add(new RuleViolation.Problem("quota", "training.event.quota"));
        }
        CompletionRule rule = n.rule() == null ? CompletionRule.DEFAULT : n.rule();
        if (outOfRange(rule.minAttendancePct()) || outOfRange(rule.minPostScore())) {
            problems.add(new RuleViolation.Problem("rule", "training.event.ruleRange"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }

    /** Refuses a session of event {@code e} with every problem at once; {@code partner} is its agency, if it names one. */
    static void checkSession(TrainingEvent e, NewSession n, Optional<Partner> partner) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (n.date() == null || n.date().isBefore(e.startDate()) || n.date().isAfter(e.endDate())) {
            problems.add(new RuleViolation.Problem("date", "training.session.dateOutside"));
        }
        if (n.startTime() == null || n.endTime() == null || !n.endTime().isAfter(n.startTime())) {
            problems.add(new RuleViolation.Problem("endTime", "training.session.times"));
        }
        if (n.topic() == null || n.topic().isBlank()) {
            problems.add(new RuleViolation.Problem("topic", "training.session.topicRequired"));
        }
        if ((n.facilitatorName() == null || n.facilitatorName().isBlank()) && n.partnerId() == null) {
            problems.add(new RuleViolation.Problem("facilitatorName", "training.session.whoRequired"));
        }
        if (n.partnerId() != null && (partner.isEmpty() || !partner.get().active()
                || partner.get().kabkotaCode() != null && !partner.get().kabkotaCode().equals(e.kabkotaCode()))) {
            problems.add(new RuleViolation.Problem("partnerId", "training.session.partnerOutOfReach"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }

    private static boolean outOfRange(BigDecimal v) {
        return v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0);
    }
}
