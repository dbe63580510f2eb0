package id.berdaya.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.event.EventAction;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Attendance at one session, made for a tablet held in one hand: one large row per participant,
 * one tap moves it to the next state (present → late → excused → absent), "all present" first and
 * then the exceptions. Each tap is saved at once (one round trip). A partner agency reaches only
 * its own sessions; a closed event shows the sheet without taps.
 */
@Route("pelatihan/:id([0-9]{1,18})/sesi/:sesi([0-9]{1,18})/kehadiran")
@RolesAllowed({"PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER", "PARTNER"})
public class AttendanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final EventService events;
    private final EnrolmentService enrolment;
    private final AttendanceService attendance;
    private final Map<Long, AttendanceState> states = new HashMap<>();
    private String title = "";

    public AttendanceView(EventService events, EnrolmentService enrolment, AttendanceService attendance) {
        this.events = events;
        this.enrolment = enrolment;
        this.attendance = attendance;
        addClassName("berdaya-attendance");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long eventId = event.getRouteParameters().getLong("id").orElse(-1L);
        long sessionId = event.getRouteParameters().getLong("sesi").orElse(-1L);
        show(eventId, sessionId);
    }

    private void show(long eventId, long sessionId) {
        removeAll();
        Optional<TrainingSession> session = events.session(sessionId).filter(s -> s.eventId() == eventId);
        Optional<TrainingEvent> found = session.flatMap(s -> events.get(eventId));
        if (found.isEmpty()) {
            title = getTranslation("error.notFound");
            add(new H2(title), new RouterLink(getTranslation("training.backToList"), EventListView.class));
            return;
        }
        TrainingSession s = session.get();
        TrainingEvent e = found.get();
        boolean recording = events.actions(eventId).contains(EventAction.RECORD);
        title = s.topic();
        add(new H2(s.topic()), new Paragraph(e.publicTitle() + " · " + IndonesianFormat.date(s.date()) + " " + s.startTime()
                + "–" + s.endTime()), new RouterLink(getTranslation("training.backToEvent"), EventDetailView.class,
                new RouteParameters("id", String.valueOf(eventId))));
        states.clear();
        states.putAll(attendance.sheet(sessionId));
        if (recording) {
            Button all = new Button(getTranslation("training.attendance.allPresent"), c -> act(() ->
                    attendance.markEveryone(sessionId, AttendanceState.PRESENT), eventId, sessionId));
            all.setId("attendance-all-present");
            all.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            add(all);
        } else {
            add(new Paragraph(getTranslation("training.attendance.frozen")));
        }
        for (Participant p : enrolment.participants(eventId)) {
            if (p.status() != ParticipantStatus.ENROLLED) {
                continue;
            }
            Button row = new Button();
            row.setId("attendance-" + p.id());
            row.setWidthFull();
            row.addThemeVariants(ButtonVariant.LUMO_LARGE);
            label(row, p, states.get(p.id()));
            row.setEnabled(recording);
            row.addClickListener(c -> {
                AttendanceState next = states.get(p.id()) == null ? AttendanceState.PRESENT : states.get(p.id()).next();
                try {
                    attendance.mark(sessionId, p.id(), next);
                    states.put(p.id(), next);
                    label(row, p, next);
                } catch (RuleViolation v) {
                    Feedback.error(this, v.problems().getFirst().key());
                }
            });
            add(row);
        }
    }

    private void label(Button row, Participant p, AttendanceState state) {
        row.setText(p.fullName() + " — " + (state == null ? getTranslation("training.attendance.unmarked")
                : getTranslation("training.attendance." + state.name())));
        row.getElement().setAttribute("data-state", state == null ? "" : state.name());
    }

    private void act(Runnable action, long eventId, long sessionId) {
        try {
            action.run();
        } catch (RuleViolation v) {
            Feedback.error(this, v.problems().getFirst().key());
        }
        show(eventId, sessionId);
    }

    @Override
    public String getPageTitle() {
        return title + " · Berdaya";
    }
}
