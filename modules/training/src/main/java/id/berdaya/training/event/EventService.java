package id.berdaya.training.event;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.training.TrainingAction;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.TrainingRoles;
import id.berdaya.training.partner.Partner;
import id.berdaya.training.partner.PartnerScope;
import id.berdaya.training.partner.PartnerService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Training events, their sessions and participants. Every read goes through the district scope;
 * a PARTNER user sees only the events and sessions of its agency, the public title and the
 * participants' names. Closing publishes {@link EventClosed} in the same transaction, from which
 * the attendance package computes the results and the certificate package issues certificates.
 */
@Service
@Transactional
public class EventService {

    /** The most events one list call returns. */
    public static final int LIST_LIMIT = 500;

    private final EventRepository events;
    private final SessionRepository sessions;
    private final ParticipantRepository participants;
    private final PartnerService partners;
    private final BeneficiaryService register;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventService(EventRepository events, SessionRepository sessions, ParticipantRepository participants,
                 PartnerService partners, BeneficiaryService register, AuditLog audit, ApplicationEventPublisher publisher,
                 Clock clock) {
        this.events = events;
        this.sessions = sessions;
        this.participants = participants;
        this.partners = partners;
        this.register = register;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    // ---- events

    /** Creates a planned event (a provincial officer in any district, district staff in their own). */
    @PreAuthorize(TrainingRoles.EDITORS)
    public TrainingEvent create(NewEvent n) {
        check(n);
        long id = events.insert(n, CurrentUser.require().getUsername(), now());
        audit.record(AuditEvent.of(TrainingAction.TRAINING_EVENT_CREATED).entity(TrainingEntity.TRAINING_EVENT, id)
                .district(n.kabkotaCode()).after(n));
        return events.find(id).orElseThrow();
    }

    /** Changes an event that is neither closed nor cancelled; its dates are fixed once someone is enrolled. */
    @PreAuthorize(TrainingRoles.EDITORS)
    public TrainingEvent update(long id, NewEvent n, int version) {
        TrainingEvent before = staffEvent(id);
        if (before.status() == EventStatus.CLOSED || before.status() == EventStatus.CANCELLED) {
            throw new RuleViolation(null, "training.event.frozen");
        }
        check(new NewEvent(before.kabkotaCode(), n.budgetYear(), n.internalTitle(), n.publicTitle(), n.kind(), n.venue(),
                n.startDate(), n.endDate(), n.targetCategories(), n.quota(), n.rule(), n.signatoryName(), n.signatoryPosition()));
        if (before.enrolled() > 0 && (!before.startDate().equals(n.startDate()) || !before.endDate().equals(n.endDate()))) {
            throw new RuleViolation("startDate", "training.event.datesFixed");
        }
        if (n.quota() < before.enrolled()) {
            throw new RuleViolation("quota", "training.event.quotaBelowEnrolled", before.enrolled());
        }
        events.update(id, n, version, now());
        audit.record(AuditEvent.of(TrainingAction.TRAINING_EVENT_UPDATED).entity(TrainingEntity.TRAINING_EVENT, id)
                .district(before.kabkotaCode()).before(before).after(n));
        return events.find(id).orElseThrow();
    }

    /** A plain status change (planned → open → running, or cancelled); see {@link EventStatus#canMoveTo}. */
    @PreAuthorize(TrainingRoles.EDITORS)
    public void changeStatus(long id, EventStatus to, int version) {
        TrainingEvent e = staffEvent(id);
        if (to == null || !e.status().canMoveTo(to)) {
            throw new RuleViolation("status", "training.event.statusNotAllowed");
        }
        move(e, to, version);
        audit.record(AuditEvent.of(TrainingAction.TRAINING_EVENT_STATUS_CHANGED).entity(TrainingEntity.TRAINING_EVENT, id)
                .district(e.kabkotaCode()).before(Map.of("status", e.status())).after(Map.of("status", to)));
    }

    /**
     * Closes a running event (the district head of its district or a provincial officer): each
     * enrolled participant's result is computed and certificates are issued, all in this
     * transaction; attendance and scores are frozen from now on.
     */
    @PreAuthorize(TrainingRoles.CLOSERS)
    public void close(long id, int version) {
        TrainingEvent e = staffEvent(id);
        if (e.status() != EventStatus.RUNNING) {
            throw new RuleViolation("status", "training.event.closeNotRunning");
        }
        move(e, EventStatus.CLOSED, version);
        List<Participant> enrolled = participants.ofEvent(id, true).stream()
                .filter(p -> p.status() == ParticipantStatus.ENROLLED).toList();
        List<Long> sessionIds = sessions.ofEvent(id, null).stream().map(TrainingSession::id).toList();
        audit.record(AuditEvent.of(TrainingAction.TRAINING_EVENT_CLOSED).entity(TrainingEntity.TRAINING_EVENT, id)
                .district(e.kabkotaCode()).before(Map.of("status", e.status()))
                .after(Map.of("status", EventStatus.CLOSED, "participants", enrolled.size(), "sessions", sessionIds.size())));
        publisher.publishEvent(new EventClosed(e, enrolled, sessionIds));
    }

    /** Reopens a closed event (a provincial act, with a reason, audited): it runs again until closed anew. */
    @PreAuthorize(TrainingRoles.PROVINCIAL)
    public void reopen(long id, String reason, int version) {
        TrainingEvent e = staffEvent(id);
        if (e.status() != EventStatus.CLOSED) {
            throw new RuleViolation("status", "training.event.reopenNotClosed");
        }
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "training.event.reasonRequired");
        }
        move(e, EventStatus.RUNNING, version);
        audit.record(AuditEvent.of(TrainingAction.TRAINING_EVENT_REOPENED).entity(TrainingEntity.TRAINING_EVENT, id)
                .district(e.kabkotaCode()).before(Map.of("status", EventStatus.CLOSED))
                .after(Map.of("status", EventStatus.RUNNING, "reason", reason.trim())));
        publisher.publishEvent(new EventReopened(id, e.kabkotaCode(), reason.trim()));
    }

    /** An event; another district's (or, for a PARTNER, one without a session of its agency) is empty. */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<TrainingEvent> get(long id) {
        PartnerScope ps = partners.currentScope();
        Optional<TrainingEvent> e = events.find(id);
        if (!ps.partner()) {
            return e;
        }
        return e.filter(x -> !sessions.ofEvent(id, ps.partnerId()).isEmpty()).map(EventService::forPartner);
    }

    /** Whether the current user may create events (the list shows its "new event" button from this). */
    @PreAuthorize(TrainingRoles.READERS)
    public boolean mayCreate() {
        Role role = CurrentUser.require().role();
        return role == Role.PROVINCE_OFFICER || role == Role.DISTRICT_HEAD || role == Role.DISTRICT_OPERATOR;
    }

    /**
     * What the current user may do with this event now, from their role and the event's status
     * (empty for an event they cannot see). The screens show their buttons from this answer.
     */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public Set<EventAction> actions(long id) {
        Optional<TrainingEvent> found = get(id);
        if (found.isEmpty()) {
            return Set.of();
        }
        EventStatus st = found.get().status();
        Role role = CurrentUser.require().role();
        boolean editor = role == Role.PROVINCE_OFFICER || role == Role.DISTRICT_HEAD || role == Role.DISTRICT_OPERATOR;
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
            if (st == EventStatus.CLOSED) {
                may.add(EventAction.PRINT_CERTIFICATES);
            }
        }
        return may;
    }

    /** Events within scope, newest first (at most {@link #LIST_LIMIT}); a PARTNER's only those of its agency. */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public List<TrainingEvent> list(EventFilter filter) {
        PartnerScope ps = partners.currentScope();
        List<TrainingEvent> found = events.list(filter == null ? EventFilter.ALL : filter, ps.partner() ? ps.partnerId() : null, LIST_LIMIT);
        return ps.partner() ? found.stream().map(EventService::forPartner).toList() : found;
    }

    /**
     * Writes the events of the filter as XLSX under the caller's {@code headers} (title, public
     * title, kabupaten/kota code, start, end, status in {@code statusLabels}, participants, quota);
     * audited as an export. A PARTNER gets its agency's events with the public title only.
     */
    @PreAuthorize(TrainingRoles.READERS)
    public int export(EventFilter filter, List<String> headers, Map<EventStatus, String> statusLabels, OutputStream out) {
        List<TrainingEvent> shown = list(filter);
        try (XlsxExport x = new XlsxExport(out, "Pelatihan", headers)) {
            for (TrainingEvent e : shown) {
                x.row(e.internalTitle() == null ? e.publicTitle() : e.internalTitle(), e.publicTitle(), e.kabkotaCode(),
                        IndonesianFormat.date(e.startDate()), IndonesianFormat.date(e.endDate()),
                        statusLabels.getOrDefault(e.status(), e.status().name()), e.enrolled(), e.quota());
            }
        }
        audit.record(AuditEvent.of(TrainingAction.TRAINING_EVENTS_EXPORTED).entity(TrainingEntity.TRAINING_EVENT, null)
                .after(Map.of("rows", shown.size(), "filter", String.valueOf(filter))));
        return shown.size();
    }

    // ---- sessions

    /** The sessions of an event; a PARTNER's only those of its agency. */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public List<TrainingSession> sessions(long eventId) {
        PartnerScope ps = partners.currentScope();
        return sessions.ofEvent(eventId, ps.partner() ? ps.partnerId() : null);
    }

    /** One session; for a PARTNER, another agency's session is "not found". */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<TrainingSession> session(long sessionId) {
        PartnerScope ps = partners.currentScope();
        return sessions.find(sessionId).filter(s -> !ps.partner() || Long.valueOf(ps.partnerId()).equals(s.partnerId()));
    }

    /** Adds a session to an event that is neither closed nor cancelled. */
    @PreAuthorize(TrainingRoles.EDITORS)
    public TrainingSession addSession(long eventId, NewSession n) {
        TrainingEvent e = editableEvent(eventId);
        checkSession(e, n);
        long id = sessions.insert(e, n);
        audit.record(AuditEvent.of(TrainingAction.TRAINING_SESSION_SAVED).entity(TrainingEntity.TRAINING_SESSION, id)
                .district(e.kabkotaCode()).after(n));
        return sessions.find(id).orElseThrow();
    }

    /** Changes a session against the version the user saw. */
    @PreAuthorize(TrainingRoles.EDITORS)
    public TrainingSession updateSession(long sessionId, NewSession n, int version) {
        TrainingSession before = sessions.find(sessionId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        TrainingEvent e = editableEvent(before.eventId());
        checkSession(e, n);
        sessions.update(sessionId, n, version);
        audit.record(AuditEvent.of(TrainingAction.TRAINING_SESSION_SAVED).entity(TrainingEntity.TRAINING_SESSION, sessionId)
                .district(e.kabkotaCode()).before(before).after(n));
        return sessions.find(sessionId).orElseThrow();
    }

    /** The sessions of the current PARTNER user's agency (its schedule); empty for staff. */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public List<TrainingSession> mySchedule() {
        PartnerScope ps = partners.currentScope();
        return ps.partner() ? sessions.ofPartner(ps.partnerId()) : List.of();
    }

    // ---- participants

    /** The participants of an event; for a PARTNER (events of its agency only) names without the register's id. */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public List<Participant> participants(long eventId) {
        PartnerScope ps = partners.currentScope();
        if (ps.partner()) {
            return sessions.ofEvent(eventId, ps.partnerId()).isEmpty() ? List.of() : participants.ofEvent(eventId, false);
        }
        return participants.ofEvent(eventId, true);
    }

    /**
     * A person's trainings, newest first: the beneficiary detail page's training history (the ui
     * adds results and certificates from the attendance and certificate services).
     */
    @PreAuthorize(TrainingRoles.STAFF)
    @Transactional(readOnly = true)
    public List<Participation> participations(long beneficiaryId) {
        return participants.ofBeneficiary(beneficiaryId).stream()
                .flatMap(p -> events.find(p.eventId()).map(e -> new Participation(e, p)).stream()).toList();
    }

    /**
     * Writes an event's participants as XLSX: name, status (in {@code statusLabels}) and the
     * reason of a withdrawal, under the caller's {@code headers}; audited as an export.
     */
    @PreAuthorize(TrainingRoles.STAFF)
    public int exportParticipants(long eventId, List<String> headers, Map<ParticipantStatus, String> statusLabels, OutputStream out) {
        TrainingEvent e = staffEvent(eventId);
        List<Participant> all = participants.ofEvent(eventId, true);
        try (XlsxExport x = new XlsxExport(out, "Peserta", headers)) {
            for (Participant p : all) {
                x.row(p.fullName(), statusLabels.getOrDefault(p.status(), p.status().name()), p.withdrawReason());
            }
        }
        audit.record(AuditEvent.of(TrainingAction.TRAINING_PARTICIPANTS_EXPORTED).entity(TrainingEntity.TRAINING_EVENT, eventId)
                .district(e.kabkotaCode()).after(Map.of("rows", all.size())));
        return all.size();
    }

    /** One participant (staff). */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Participant> participant(long participantId) {
        return partners.currentScope().partner() ? Optional.empty() : participants.find(participantId);
    }

    /**
     * Enrols people from the register, one or many at once. Each must be a verified (or already
     * active) beneficiary of the event's kabupaten/kota and in no other event whose dates overlap;
     * otherwise nobody is enrolled. Enrolment makes them "active in programme" in the register.
     */
    @PreAuthorize(TrainingRoles.EDITORS)
    public List<Participant> enrol(long eventId, List<Long> beneficiaryIds) {
        TrainingEvent e = staffEvent(eventId);
        if (!e.status().enrolling()) {
            throw new RuleViolation(null, "training.enrol.notOpen");
        }
        Set<Long> ids = new LinkedHashSet<>(beneficiaryIds);
        if (ids.isEmpty()) {
            throw new RuleViolation(null, "training.enrol.nobody");
        }
        Map<Long, Participant> existing = participants.existing(eventId, ids);
        List<String> already = existing.values().stream().filter(p -> p.status() == ParticipantStatus.ENROLLED)
                .map(Participant::fullName).toList();
        if (!already.isEmpty()) {
            throw new RuleViolation(null, "training.enrol.already", String.join(", ", already));
        }
        if (e.enrolled() + ids.size() > e.quota()) {
            throw new RuleViolation(null, "training.enrol.quota", e.quota(), e.quota() - e.enrolled());
        }
        List<String> overlapping = participants.overlapping(eventId, ids, e.startDate(), e.endDate());
        if (!overlapping.isEmpty()) {
            throw new RuleViolation(null, "training.enrol.overlap", String.join(", ", overlapping));
        }
        Map<Long, BeneficiaryDetail> people = register.enterProgramme(ids, e.kabkotaCode(),
                "Peserta pelatihan #" + eventId + ": " + e.publicTitle());
        String by = CurrentUser.require().getUsername();
        LocalDateTime at = now();
        for (Long id : ids) {
            Participant before = existing.get(id);
            if (before != null) { // withdrew earlier, enrolled again
                if (!participants.setStatus(before, e.kabkotaCode(), ParticipantStatus.ENROLLED, null, before.version())) {
                    throw RuleViolation.concurrentChange();
                }
            } else {
                participants.insert(e, id, people.get(id).fullName(), by, at);
            }
        }
        audit.record(AuditEvent.of(TrainingAction.TRAINING_PARTICIPANTS_ENROLLED).entity(TrainingEntity.TRAINING_EVENT, eventId)
                .district(e.kabkotaCode()).after(Map.of("beneficiaries", List.copyOf(ids))));
        return participants.ofEvent(eventId, true);
    }

    /** Withdraws a participant with a reason (before the event is closed). */
    @PreAuthorize(TrainingRoles.EDITORS)
    public void withdraw(long participantId, String reason, int version) {
        Participant p = participants.find(participantId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        TrainingEvent e = staffEvent(p.eventId());
        if (!e.status().enrolling()) {
            throw new RuleViolation(null, "training.enrol.notOpen");
        }
        if (p.status() != ParticipantStatus.ENROLLED) {
            throw new RuleViolation(null, "training.withdraw.notEnrolled");
        }
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "training.withdraw.reasonRequired");
        }
        if (!participants.setStatus(p, e.kabkotaCode(), ParticipantStatus.WITHDRAWN, reason.trim(), version)) {
            throw RuleViolation.concurrentChange();
        }
        audit.record(AuditEvent.of(TrainingAction.TRAINING_PARTICIPANT_WITHDRAWN)
                .entity(TrainingEntity.TRAINING_PARTICIPANT, participantId).district(e.kabkotaCode())
                .before(Map.of("status", ParticipantStatus.ENROLLED))
                .after(Map.of("status", ParticipantStatus.WITHDRAWN, "reason", reason.trim())));
    }

    // ---- helpers

    /** A visible event for a staff act; a PARTNER user has none. */
    private TrainingEvent staffEvent(long id) {
        if (partners.currentScope().partner()) {
            throw new RuleViolation(null, "error.notFound");
        }
        return events.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
    }

    private TrainingEvent editableEvent(long id) {
        TrainingEvent e = staffEvent(id);
        if (e.status() == EventStatus.CLOSED || e.status() == EventStatus.CANCELLED) {
            throw new RuleViolation(null, "training.event.frozen");
        }
        return e;
    }

    private void move(TrainingEvent e, EventStatus to, int version) {
        if (e.version() != version || !events.moveStatus(e, e.status(), to, version, CurrentUser.require().getUsername(), now())) {
            throw RuleViolation.concurrentChange();
        }
    }

    private static TrainingEvent forPartner(TrainingEvent e) {
        return new TrainingEvent(e.id(), e.kabkotaCode(), e.budgetYear(), null, e.publicTitle(), e.kind(), e.venue(),
                e.startDate(), e.endDate(), List.of(), e.quota(), e.status(), e.rule(), e.signatoryName(),
                e.signatoryPosition(), e.enrolled(), e.version());
    }

    private void check(NewEvent n) {
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

    private static boolean outOfRange(BigDecimal v) {
        return v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0);
    }

    private void checkSession(TrainingEvent e, NewSession n) {
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
        if (n.partnerId() != null) {
            Optional<Partner> p = partners.get(n.partnerId());
            if (p.isEmpty() || !p.get().active()
                    || p.get().kabkotaCode() != null && !p.get().kabkotaCode().equals(e.kabkotaCode())) {
                problems.add(new RuleViolation.Problem("partnerId", "training.session.partnerOutOfReach"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
