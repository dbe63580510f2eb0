package id.berdaya.training.attendance;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.training.TrainingAction;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.TrainingRoles;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.training.event.CompletionRule;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attendance per session, pre- and post-test scores, the results computed at closing, and the
 * question the grants module asks: has this person completed a training, which one, and when?
 * Attendance and scores are recorded only while the event runs: closing freezes them. A PARTNER
 * user marks attendance only at its agency's sessions (another session is "not found").
 */
@Service
@Transactional
public class AttendanceService {

    private final EventService events;
    private final EnrolmentService enrolment;
    private final AttendanceRepository attendance;
    private final ResultRepository results;
    private final AuditLog audit;
    private final Clock clock;

    AttendanceService(EventService events, EnrolmentService enrolment, AttendanceRepository attendance, ResultRepository results,
                      AuditLog audit, Clock clock) {
        this.events = events;
        this.enrolment = enrolment;
        this.attendance = attendance;
        this.results = results;
        this.audit = audit;
        this.clock = clock;
    }

    /** The states marked at a session: participant id → state (unmarked participants are missing). */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public Map<Long, AttendanceState> sheet(long sessionId) {
        events.session(sessionId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        return attendance.ofSession(sessionId);
    }

    /** Marks one participant at one session (one tap). */
    @PreAuthorize(TrainingRoles.ATTENDANCE)
    public void mark(long sessionId, long participantId, AttendanceState state) {
        markAll(sessionId, Map.of(participantId, state));
    }

    /** Marks every enrolled participant at a session with one state ("all present"), then the exceptions follow. */
    @PreAuthorize(TrainingRoles.ATTENDANCE)
    public void markEveryone(long sessionId, AttendanceState state) {
        TrainingSession s = events.session(sessionId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        Map<Long, AttendanceState> all = new LinkedHashMap<>();
        enrolment.participants(s.eventId()).stream().filter(p -> p.status() == ParticipantStatus.ENROLLED)
                .forEach(p -> all.put(p.id(), state));
        if (!all.isEmpty()) {
            markAll(sessionId, all);
        }
    }

    /** Marks several participants at one session in one statement (a batch of taps sent together). */
    @PreAuthorize(TrainingRoles.ATTENDANCE)
    public void markAll(long sessionId, Map<Long, AttendanceState> states) {
        TrainingEvent e = recording(sessionId);
        if (states.isEmpty() || states.values().stream().anyMatch(java.util.Objects::isNull) || !enrolled(e).containsAll(states.keySet())) {
            throw new RuleViolation(null, "training.attendance.notParticipant");
        }
        attendance.mark(e.kabkotaCode(), sessionId, states, CurrentUser.require().getUsername(), now());
        audit.record(AuditEvent.of(TrainingAction.TRAINING_ATTENDANCE_MARKED).entity(TrainingEntity.TRAINING_SESSION, sessionId)
                .district(e.kabkotaCode()).after(states.entrySet().stream()
                        .collect(Collectors.toMap(x -> String.valueOf(x.getKey()), x -> x.getValue().name()))));
    }

    /** The marks at a session with their tap sequence: participant id → mark (unmarked participants are missing). */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public Map<Long, AttendanceTap> marks(long sessionId) {
        events.session(sessionId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        return attendance.marks(sessionId, null);
    }

    /**
     * Applies taps from the attendance sheet, idempotently: per participant the tap with the
     * highest sequence wins, and a tap whose sequence is not above the stored one (a replay after a
     * dropped connection, or a tap overtaken by a newer one) changes nothing. Taps for someone who
     * is no longer an enrolled participant are answered as superseded. Only the taps that changed
     * the record are audited. A closed event refuses the whole batch.
     */
    @PreAuthorize(TrainingRoles.ATTENDANCE)
    public TapsApplied applyTaps(long sessionId, List<AttendanceTap> taps) {
        TrainingEvent e = recording(sessionId);
        Set<Long> enrolled = enrolled(e);
        Map<Long, AttendanceTap> last = new LinkedHashMap<>();
        for (AttendanceTap t : taps) {
            if (t.state() != null && enrolled.contains(t.participantId())) {
                last.merge(t.participantId(), t, (a, b) -> b.seq() > a.seq() ? b : a);
            }
        }
        Map<Long, AttendanceTap> before = last.isEmpty() ? Map.of() : attendance.marks(sessionId, last.keySet());
        List<AttendanceTap> winners = last.values().stream()
                .filter(t -> !before.containsKey(t.participantId()) || t.seq() > before.get(t.participantId()).seq()).toList();
        if (!winners.isEmpty()) {
            attendance.applyTaps(e.kabkotaCode(), sessionId, winners, CurrentUser.require().getUsername(), now());
        }
        Map<Long, AttendanceTap> after = winners.isEmpty() ? before : attendance.marks(sessionId, last.keySet());
        List<AttendanceTap> applied = winners.stream().filter(t -> t.equals(after.get(t.participantId()))).toList();
        if (!applied.isEmpty()) {
            audit.record(AuditEvent.of(TrainingAction.TRAINING_ATTENDANCE_MARKED).entity(TrainingEntity.TRAINING_SESSION, sessionId)
                    .district(e.kabkotaCode()).after(applied.stream()
                            .collect(Collectors.toMap(x -> String.valueOf(x.participantId()), x -> x.state().name() + "#" + x.seq()))));
        }
        List<AttendanceTap> superseded = taps.stream().filter(t -> !applied.contains(t)).toList();
        return new TapsApplied(applied, superseded, after);
    }

    private TrainingEvent recording(long sessionId) {
        TrainingSession s = events.session(sessionId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        TrainingEvent e = events.get(s.eventId()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!e.status().recording()) {
            throw new RuleViolation(null, "training.attendance.frozen");
        }
        return e;
    }

    private Set<Long> enrolled(TrainingEvent e) {
        return enrolment.participants(e.id()).stream().filter(p -> p.status() == ParticipantStatus.ENROLLED)
                .map(Participant::id).collect(Collectors.toSet());
    }

    /** The event's attendance as a matrix of enrolled participants × sessions, with each share (staff). */
    @PreAuthorize(TrainingRoles.STAFF)
    @Transactional(readOnly = true)
    public AttendanceRecap recap(long eventId) {
        events.get(eventId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        List<TrainingSession> sessions = events.sessions(eventId);
        Map<Long, Map<Long, AttendanceState>> marked = attendance.ofSessions(sessions.stream().map(TrainingSession::id).toList());
        List<AttendanceRecap.Row> rows = new ArrayList<>();
        for (Participant p : enrolment.participants(eventId)) {
            if (p.status() != ParticipantStatus.ENROLLED) {
                continue;
            }
            List<AttendanceState> states = new ArrayList<>();
            int attended = 0;
            for (TrainingSession s : sessions) {
                AttendanceState state = marked.getOrDefault(s.id(), Map.of()).get(p.id());
                states.add(state);
                attended += state != null && state.attended() ? 1 : 0;
            }
            rows.add(new AttendanceRecap.Row(p, java.util.Collections.unmodifiableList(states),
                    new CompletionRule(null, null).judge(attended, sessions.size(), null).attendancePct()));
        }
        return new AttendanceRecap(sessions, List.copyOf(rows));
    }

    /**
     * Writes the attendance recap as XLSX under the caller's {@code sheet}: its name, and its two
     * headers, the name and the share columns in the user's language, with a column per session
     * (its date and time) put between them. Audited as an export.
     */
    @PreAuthorize(TrainingRoles.STAFF)
    public int exportRecap(long eventId, XlsxSheet sheet, Map<AttendanceState, String> stateLabels, OutputStream out) {
        TrainingEvent e = events.get(eventId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        AttendanceRecap recap = recap(eventId);
        List<String> headers = new ArrayList<>();
        headers.add(sheet.headers().getFirst());
        recap.sessions().forEach(s -> headers.add(IndonesianFormat.date(s.date()) + " " + s.startTime()));
        headers.addAll(sheet.headers().subList(1, sheet.headers().size()));
        try (XlsxExport x = new XlsxExport(out, new XlsxSheet(sheet.name(), headers))) {
            for (AttendanceRecap.Row r : recap.rows()) {
                List<Object> values = new ArrayList<>();
                values.add(r.participant().fullName());
                r.states().forEach(st -> values.add(st == null ? "" : stateLabels.getOrDefault(st, st.name())));
                values.add(r.attendedPct());
                x.row(values.toArray());
            }
        }
        audit.record(AuditEvent.of(TrainingAction.TRAINING_ATTENDANCE_EXPORTED).entity(TrainingEntity.TRAINING_EVENT, eventId)
                .district(e.kabkotaCode()).after(Map.of("rows", recap.rows().size())));
        return recap.rows().size();
    }

    /** The attendance recap as a PDF (A4 landscape) in the words given. Audited as an export. */
    @PreAuthorize(TrainingRoles.STAFF)
    public byte[] recapPdf(long eventId, RecapWords words) {
        TrainingEvent e = events.get(eventId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        AttendanceRecap recap = recap(eventId);
        byte[] pdf = RecapPdf.render(e, recap, words);
        audit.record(AuditEvent.of(TrainingAction.TRAINING_ATTENDANCE_EXPORTED).entity(TrainingEntity.TRAINING_EVENT, eventId)
                .district(e.kabkotaCode()).after(Map.of("rows", recap.rows().size(), "format", "pdf")));
        return pdf;
    }

    /** The printable sign-in sheet (daftar hadir) of a session, with a signature column; a PARTNER's for its own sessions. */
    @PreAuthorize(TrainingRoles.ATTENDANCE)
    @Transactional(readOnly = true)
    public byte[] signInSheet(long sessionId) {
        TrainingSession s = events.session(sessionId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        TrainingEvent e = events.get(s.eventId()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        List<Participant> enrolled = enrolment.participants(e.id()).stream().filter(p -> p.status() == ParticipantStatus.ENROLLED).toList();
        return SignInSheetPdf.render(e, s, enrolled);
    }

    /** Records a participant's pre- and post-test scores (0–100, either may be empty) while the event runs. */
    @PreAuthorize(TrainingRoles.EDITORS)
    public void recordScores(long participantId, BigDecimal pre, BigDecimal post) {
        Participant p = enrolment.participant(participantId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        TrainingEvent e = events.get(p.eventId()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!e.status().recording()) {
            throw new RuleViolation(null, "training.attendance.frozen");
        }
        if (p.status() != ParticipantStatus.ENROLLED) {
            throw new RuleViolation(null, "training.attendance.notParticipant");
        }
        if (outOfRange(pre) || outOfRange(post)) {
            throw new RuleViolation(outOfRange(pre) ? "preScore" : "postScore", "training.score.range");
        }
        ParticipantResult before = results.ofEvent(e.id()).get(participantId);
        results.scores(p, e.kabkotaCode(), p.beneficiaryId(), pre, post);
        audit.record(AuditEvent.of(TrainingAction.TRAINING_SCORES_RECORDED).entity(TrainingEntity.TRAINING_PARTICIPANT, participantId)
                .district(e.kabkotaCode())
                .before(before == null ? null : scores(before.preScore(), before.postScore()))
                .after(scores(pre, post)));
    }

    /** The scores and results of an event's participants: participant id → result (staff). */
    @PreAuthorize(TrainingRoles.STAFF)
    @Transactional(readOnly = true)
    public Map<Long, ParticipantResult> results(long eventId) {
        events.get(eventId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        return results.ofEvent(eventId);
    }

    /**
     * The grants module's question: the trainings this person completed, newest first (empty if
     * none). Another district's person has none, as far as the asker can see.
     */
    @PreAuthorize(TrainingRoles.STAFF)
    @Transactional(readOnly = true)
    public List<CompletedTraining> completedTrainings(long beneficiaryId) {
        return results.completed(beneficiaryId);
    }

    private static Map<String, Object> scores(BigDecimal pre, BigDecimal post) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pre", pre);
        m.put("post", post);
        return m;
    }

    private static boolean outOfRange(BigDecimal v) {
        return v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
