package id.berdaya.ui.training;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.attendance.AttendanceTap;
import id.berdaya.training.attendance.TapsApplied;
import id.berdaya.training.event.EventAction;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import id.berdaya.training.signin.SignedSheet;
import id.berdaya.training.signin.SignedSheetService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.ScanUpload;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Attendance at one session, made for a tablet held in one hand: one large row per participant,
 * one tap moves it to the next state (present → late → excused → absent), "all present" first and
 * then the exceptions. Taps are handled in the browser ({@link AttendanceTapQueue}): the row
 * changes at once, the tap is queued in localStorage and sent in one server call, and a queue left
 * by a dropped connection is sent again; the server applies taps idempotently. Below the rows: the
 * printable sign-in sheet and the signed sheets' scans. A partner agency reaches only its own
 * sessions; a closed event shows the sheet without taps.
 */
@Route("pelatihan/:id([0-9]{1,18})/sesi/:sesi([0-9]{1,18})/kehadiran")
@RolesAllowed({"PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER", "PARTNER"})
@StyleSheet("styles/attendance.css")
public class AttendanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The most taps one call may carry (a queue is at most a few taps per participant). */
    static final int MAX_TAPS = 5_000;
    private static final Pattern TAP = Pattern.compile("(\\d{1,18}):(PRESENT|LATE|EXCUSED|ABSENT):(\\d{1,18})");

    private final EventService events;
    private final EnrolmentService enrolment;
    private final AttendanceService attendance;
    private final SignedSheetService signedSheets;
    private long sessionId = -1;
    private String title = "";

    public AttendanceView(EventService events, EnrolmentService enrolment, AttendanceService attendance, SignedSheetService signedSheets) {
        this.events = events;
        this.enrolment = enrolment;
        this.attendance = attendance;
        this.signedSheets = signedSheets;
        addClassName("berdaya-attendance");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long eventId = event.getRouteParameters().getLong("id").orElse(-1L);
        show(eventId, event.getRouteParameters().getLong("sesi").orElse(-1L));
    }

    private void show(long eventId, long sessionId) {
        removeAll();
        this.sessionId = -1;
        Optional<TrainingSession> session = events.session(sessionId).filter(s -> s.eventId() == eventId);
        Optional<TrainingEvent> found = session.flatMap(s -> events.get(eventId));
        if (found.isEmpty()) {
            title = getTranslation("error.notFound");
            add(new H2(title), new RouterLink(getTranslation("training.backToList"), EventListView.class));
            return;
        }
        this.sessionId = sessionId;
        TrainingSession s = session.get();
        TrainingEvent e = found.get();
        boolean recording = events.actions(eventId).contains(EventAction.RECORD);
        title = s.topic();
        add(new H2(s.topic()), new Paragraph(e.publicTitle() + " · " + IndonesianFormat.date(s.date()) + " " + s.startTime()
                + "–" + s.endTime()), new RouterLink(getTranslation("training.backToEvent"), EventDetailView.class,
                new RouteParameters("id", String.valueOf(eventId))));
        Map<Long, AttendanceTap> marks = attendance.marks(sessionId);
        Div rows = new Div();
        rows.setId("attendance-rows");
        rows.addClassName("berdaya-attendance-rows");
        if (recording) {
            Button all = new Button(getTranslation("training.attendance.allPresent"));
            all.setId("attendance-all-present");
            all.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            rows.add(all);
        } else {
            rows.add(new Paragraph(getTranslation("training.attendance.frozen")));
        }
        StringBuilder html = new StringBuilder();
        for (Participant p : enrolment.participants(eventId)) {
            if (p.status() == ParticipantStatus.ENROLLED) {
                row(html, p, marks.get(p.id()), recording);
            }
        }
        Div list = new Div();
        list.setId("attendance-list");
        list.getElement().setProperty("innerHTML", html.toString());
        rows.add(list);
        add(rows);
        if (recording) {
            rows.getElement().executeJs(AttendanceTapQueue.SCRIPT, "berdaya.kehadiran." + sessionId + "." + CurrentUser.require().getUsername(),
                    labelsJson(), marks.values().stream().map(m -> "\"" + m.participantId() + "\":" + m.seq())
                            .collect(Collectors.joining(",", "{", "}")), getElement());
        }
        add(signedSheets(s));
    }

    /**
     * One row: a large button with the name and the state, written as markup into one element's
     * {@code innerHTML} (the browser's script owns the rows after that), so that 100 rows cost the
     * server one string rather than 100 components.
     */
    private void row(StringBuilder html, Participant p, AttendanceTap mark, boolean recording) {
        String state = mark == null ? "" : mark.state().name();
        html.append("<vaadin-button theme=\"large\" class=\"berdaya-attendance-row\" id=\"attendance-").append(p.id())
                .append("\" data-participant=\"").append(p.id()).append("\" data-state=\"").append(state).append('"')
                .append(recording ? "" : " disabled").append("><span class=\"berdaya-attendance-name\">").append(escape(p.fullName()))
                .append("</span><span class=\"berdaya-attendance-state\">").append(escape(label(mark == null ? null : mark.state())))
                .append("</span></vaadin-button>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /**
     * Receives the tablet's queued taps ("participant:STATE:sequence", comma-separated) and answers
     * every tap it was sent ({@code done}: "participant:sequence") and the record as it now stands
     * for those participants ({@code now}), as JSON. One call per batch of taps: one round trip.
     */
    @ClientCallable
    public String taps(String queued) {
        List<AttendanceTap> taps = new ArrayList<>();
        for (String t : queued == null ? new String[0] : queued.split(",", MAX_TAPS + 1)) {
            Matcher m = TAP.matcher(t);
            if (m.matches() && taps.size() < MAX_TAPS) {
                taps.add(new AttendanceTap(Long.parseLong(m.group(1)), AttendanceState.valueOf(m.group(2)), Long.parseLong(m.group(3))));
            }
        }
        Map<Long, AttendanceTap> now;
        try {
            TapsApplied answer = attendance.applyTaps(sessionId, taps);
            now = answer.current();
        } catch (RuleViolation v) {
            Feedback.error(this, v.problems().getFirst().key());
            now = sessionId < 0 ? Map.of() : current(taps);
        }
        return taps.stream().map(t -> "\"" + t.participantId() + ":" + t.seq() + "\"").collect(Collectors.joining(",", "{\"done\":[", "],"))
                + now.values().stream().map(m -> "\"" + m.participantId() + "\":[\"" + m.state().name() + "\"," + m.seq() + "]")
                .collect(Collectors.joining(",", "\"now\":{", "}}"));
    }

    private Map<Long, AttendanceTap> current(List<AttendanceTap> taps) {
        try {
            Map<Long, AttendanceTap> marks = attendance.marks(sessionId);
            return taps.stream().map(AttendanceTap::participantId).distinct().filter(marks::containsKey)
                    .collect(Collectors.toMap(p -> p, marks::get));
        } catch (RuleViolation v) {
            return Map.of();
        }
    }

    /** The printable sign-in sheet, the signed sheets' scans and (for whoever may) their upload. */
    private VerticalLayout signedSheets(TrainingSession s) {
        VerticalLayout part = new VerticalLayout();
        part.setPadding(false);
        part.setId("attendance-signed-sheets");
        part.add(new H3(getTranslation("training.signedSheet.title")));
        Anchor blank = new Anchor((DownloadEvent event) -> {
            event.setFileName("daftar-hadir-" + s.id() + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(attendance.signInSheet(s.id()));
        }, getTranslation("training.session.signInSheet"));
        blank.setId("attendance-sign-in-sheet");
        blank.getElement().setAttribute("download", true);
        part.add(blank);
        for (SignedSheet sheet : signedSheets.list(s.id())) {
            Anchor a = new Anchor((DownloadEvent event) -> {
                var file = signedSheets.download(sheet.id());
                event.setFileName(file.fileName());
                event.setContentType(file.contentType());
                event.getOutputStream().write(file.content());
            }, sheet.fileName() + " · " + IndonesianFormat.dateTime(sheet.uploadedAt()) + " · " + sheet.uploadedBy());
            a.setId("attendance-signed-sheet-" + sheet.id());
            a.getElement().setAttribute("download", true);
            part.add(a);
        }
        if (signedSheets.mayUpload(s.id())) {
            Upload upload = ScanUpload.create(this, SignedSheetService.MAX_BYTES, "training.signedSheet.upload", "training.saved",
                    "training.signedSheet.tooLarge", (name, bytes) -> signedSheets.upload(s.id(), name, bytes),
                    () -> replace(part, signedSheets(s)));
            upload.setId("attendance-signed-sheet-upload");
            part.add(upload);
        }
        return part;
    }

    private String label(AttendanceState state) {
        return state == null ? getTranslation("training.attendance.unmarked") : getTranslation("training.attendance." + state.name());
    }

    private String labelsJson() {
        StringBuilder json = new StringBuilder("{\"\":").append(quoted(label(null)));
        for (AttendanceState st : AttendanceState.values()) {
            json.append(",\"").append(st.name()).append("\":").append(quoted(label(st)));
        }
        return json.append('}').toString();
    }

    private static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            q.append(c == '"' || c == '\\' ? "\\" + c : c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return q.append('"').toString();
    }

    @Override
    public String getPageTitle() {
        return title + " · Berdaya";
    }
}
