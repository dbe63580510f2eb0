package id.berdaya.training.event;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.training.TrainingAction;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.TrainingRoles;
import id.berdaya.training.partner.PartnerScope;
import id.berdaya.training.partner.PartnerService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Training events and their sessions. Every read goes through the district scope; a PARTNER user
 * sees only the events and sessions of its agency and the public title. Closing publishes
 * {@link EventClosed} in the same transaction, from which the attendance package computes the
 * results and the certificate package issues certificates. Participants: {@code EnrolmentService}.
 */
@Service
@Transactional
public class EventService {

    /** The most events one list call returns. */
    public static final int LIST_LIMIT = 500;

    private final EventRepository events;
    private final SessionRepository sessions;
    private final PartnerService partners;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventService(EventRepository events, SessionRepository sessions, PartnerService partners, AuditLog audit,
                 ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.sessions = sessions;
        this.partners = partners;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    // ---- events

    /** Creates a planned event (a provincial officer in any district, district staff in their own). */
    @PreAuthorize(TrainingRoles.EDITORS)
    public TrainingEvent create(NewEvent n) {
        EventRules.check(n);
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
        EventRules.check(new NewEvent(before.kabkotaCode(), n.budgetYear(), n.internalTitle(), n.publicTitle(), n.kind(), n.venue(),
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
        List<Long> sessionIds = sessions.ofEvent(id, null).stream().map(TrainingSession::id).toList();
        audit.record(AuditEvent.of(TrainingAction.TRAINING_EVENT_CLOSED).entity(TrainingEntity.TRAINING_EVENT, id)
                .district(e.kabkotaCode()).before(Map.of("status", e.status()))
                .after(Map.of("status", EventStatus.CLOSED, "participants", e.enrolled(), "sessions", sessionIds.size())));
        publisher.publishEvent(new EventClosed(e, sessionIds));
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

    /**
     * The event with its row locked until the caller's transaction ends, so that enrolments into
     * it are counted one after another (the quota holds under concurrent enrolment). The caller's
     * transaction should read at READ COMMITTED, so that the count read after the lock sees the
     * enrolments committed before it.
     */
    @PreAuthorize(TrainingRoles.EDITORS)
    @Transactional(propagation = Propagation.MANDATORY)
    public TrainingEvent lockForEnrolment(long id) {
        return events.lock(id).orElseThrow(() -> {
            events.find(id); // another district's event: the scoped find audits the probe
            return new RuleViolation(null, "error.notFound");
        });
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
        return EventRules.editor(CurrentUser.require().role());
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
        return EventRules.actions(CurrentUser.require().role(), found.get().status());
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
     * Writes the events of the filter as XLSX under the caller's {@code sheet} (its name, and the
     * headers title, public title, kabupaten/kota code, start, end, status in {@code statusLabels},
     * participants, quota);
     * audited as an export. A PARTNER gets its agency's events with the public title only.
     */
    @PreAuthorize(TrainingRoles.READERS)
    public int export(EventFilter filter, XlsxSheet sheet, Map<EventStatus, String> statusLabels, OutputStream out) {
        List<TrainingEvent> shown = list(filter);
        try (XlsxExport x = new XlsxExport(out, sheet)) {
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
        EventRules.checkSession(e, n, n.partnerId() == null ? Optional.empty() : partners.get(n.partnerId()));
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
        EventRules.checkSession(e, n, n.partnerId() == null ? Optional.empty() : partners.get(n.partnerId()));
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

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
