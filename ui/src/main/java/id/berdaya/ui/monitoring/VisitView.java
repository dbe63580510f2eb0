package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.user.Colleague;
import id.berdaya.monitoring.ledger.LedgerService;
import id.berdaya.monitoring.reintegration.ReintegrationService;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitChange;
import id.berdaya.monitoring.visit.VisitPhoto;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.WidgetTexts;
import id.berdaya.ui.registry.BeneficiaryDetailView;
import jakarta.annotation.security.RolesAllowed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /pemantauan/kunjungan/{id}: one visit. Open: the form (for whoever the service lets record it),
 * rescheduling with a reason, reassigning. Done: what was found, with its photos. Always: the risk
 * flags as a count (the flags themselves for whoever may see them), the person's asset history and
 * the visit's schedule history. Another district's visit is "not found".
 */
@Route("pemantauan/kunjungan/:id([0-9]{1,18})")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER"})
public class VisitView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final VisitService visits;
    private final LedgerService ledger;
    private final ReintegrationService reintegration;
    private final ScheduleService schedule;
    private final Map<Long, String> officers = new HashMap<>();
    private String title = "";
    VisitForm form;

    public VisitView(VisitService visits, LedgerService ledger, ReintegrationService reintegration, ScheduleService schedule) {
        this.visits = visits;
        this.ledger = ledger;
        this.reintegration = reintegration;
        this.schedule = schedule;
        setMaxWidth("72rem");
    }

    public static RouteParameters parameters(long id) {
        return new RouteParameters("id", String.valueOf(id));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().getLong("id").orElse(-1L));
    }

    private void show(long id) {
        removeAll();
        form = null;
        add(new RouterLink(getTranslation("monitoring.visit.back"), MonitoringView.class));
        Visit v = visits.get(id).orElse(null);
        if (v == null) {
            title = getTranslation("error.notFound");
            add(new H2(title));
            return;
        }
        schedule.fieldOfficers(v.kabkotaCode()).forEach(c -> officers.put(c.id(), c.fullName()));
        title = v.beneficiaryName();
        add(new H2(getTranslation("monitoring.visit.title") + " · " + getTranslation("monitoring.visitMonth", v.monthOffset())));
        RouterLink person = new RouterLink(v.beneficiaryName(), BeneficiaryDetailView.class, BeneficiaryDetailView.parameters(v.beneficiaryId()));
        person.setId("visit-person");
        Span state = new Span(getTranslation("monitoring.state." + v.state(visits.today()).name()));
        state.setId("visit-state");
        long late = v.daysLate(visits.today());
        Span facts = new Span(getTranslation("monitoring.field.due") + ": " + IndonesianFormat.date(v.dueOn())
                + (late > 0 ? " · " + getTranslation("monitoring.daysLate", late) : "") + " · "
                + getTranslation("monitoring.field.officer") + ": " + officer(v.officerId()));
        facts.setId("visit-facts");
        add(new HorizontalLayout(person, state), facts);

        Set<VisitService.Action> may = visits.allowedActions(v);
        if (v.done()) {
            add(summary(v));
        }
        if (may.contains(VisitService.Action.RECORD)) {
            form = new VisitForm(visits, v, ledger.assets(v.caseId()), () -> show(id));
            add(form);
        }
        if (may.contains(VisitService.Action.RESCHEDULE)) {
            add(reschedule(v));
        }
        if (may.contains(VisitService.Action.REASSIGN)) {
            add(reassign(v));
        }
        add(new H3(getTranslation("monitoring.visit.flags")), new FlagsPanel(reintegration, v.caseId()));
        add(new LedgerPanel(ledger.history(List.of(v.caseId()))));
        List<VisitChange> changes = visits.changes(v.id());
        if (!changes.isEmpty()) {
            add(new H3(getTranslation("monitoring.visit.history")));
            for (VisitChange c : changes) {
                add(new Span(IndonesianFormat.dateTime(c.changedAt()) + " · " + c.changedBy() + " · " + (c.kind() == VisitChange.Kind.RESCHEDULED
                        ? getTranslation("monitoring.change.RESCHEDULED", IndonesianFormat.date(c.dueBefore()),
                        IndonesianFormat.date(c.dueAfter()), c.reason())
                        : getTranslation("monitoring.change.REASSIGNED", officer(c.officerBefore()), officer(c.officerAfter())))));
            }
        }
    }

    private String officer(Long id) {
        return id == null ? getTranslation("monitoring.unassigned") : officers.getOrDefault(id, "#" + id);
    }

    private Div summary(Visit v) {
        Div d = new Div();
        d.setId("visit-summary");
        StringBuilder s = new StringBuilder(getTranslation("monitoring.visit.date") + ": " + IndonesianFormat.date(v.visitedOn()) + " · ");
        if (Boolean.FALSE.equals(v.personMet())) {
            s.append(getTranslation("monitoring.visit.notMetReason")).append(": ").append(v.notMetReason());
        } else {
            s.append(getTranslation("monitoring.visit.business")).append(": ").append(getTranslation("monitoring.business." + v.business().name()));
            if (v.businessReason() != null) {
                s.append(" (").append(v.businessReason()).append(")");
            }
            if (v.turnover() != null) {
                s.append(" · ").append(getTranslation("monitoring.visit.turnover")).append(": ").append(IndonesianFormat.money(v.turnover()));
            }
            if (v.profit() != null) {
                s.append(" · ").append(getTranslation("monitoring.visit.profit")).append(": ").append(IndonesianFormat.money(v.profit()));
            }
        }
        d.add(new Span(s.toString()));
        for (String[] t : new String[][]{{"monitoring.visit.notes", v.notes()}, {"monitoring.visit.needs", v.needs()},
                {"monitoring.visit.referrals", v.referrals()}}) {
            if (t[1] != null) {
                d.add(new Div(getTranslation(t[0]) + ": " + t[1]));
            }
        }
        d.add(new Div(getTranslation("monitoring.visit.recorded", v.recordedBy())));
        HorizontalLayout pictures = new HorizontalLayout();
        pictures.setWrap(true);
        for (long photoId : visits.photos(v.id())) {
            Image img = new Image((DownloadEvent e) -> {
                VisitPhoto p = visits.photo(photoId).orElseThrow();
                e.setContentType(p.contentType());
                e.setFileName("foto-" + photoId + (p.contentType().endsWith("png") ? ".png" : ".jpg"));
                e.getOutputStream().write(p.content());
            }, getTranslation("monitoring.visit.photos"));
            img.setMaxWidth("16rem");
            img.setId("visit-photo-" + photoId);
            pictures.add(img);
        }
        d.add(pictures);
        return d;
    }

    private HorizontalLayout reschedule(Visit v) {
        DatePicker due = WidgetTexts.datePicker(new DatePicker(getTranslation("monitoring.visit.newDue")));
        due.setId("visit-new-due");
        due.setValue(v.dueOn());
        TextField reason = new TextField(getTranslation("monitoring.visit.rescheduleReason"));
        reason.setId("visit-reschedule-reason");
        reason.setMaxLength(300);
        Button go = new Button(getTranslation("monitoring.visit.reschedule"), e -> {
            try {
                visits.reschedule(v.id(), due.getValue(), reason.getValue(), v.version());
                Feedback.success(this, "monitoring.visit.rescheduled");
                show(v.id());
            } catch (RuleViolation x) {
                Feedback.show(this, x, Map.of("reason", reason, "dueOn", due));
            }
        });
        go.setId("visit-reschedule");
        HorizontalLayout row = new HorizontalLayout(due, reason, go);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout reassign(Visit v) {
        ComboBox<Colleague> to = new ComboBox<>(getTranslation("monitoring.reassignTo"));
        to.setItems(schedule.fieldOfficers(v.kabkotaCode()));
        to.setItemLabelGenerator(Colleague::fullName);
        to.setClearButtonVisible(true);
        to.setId("visit-reassign-to");
        Button go = new Button(getTranslation("monitoring.reassign"), e -> {
            try {
                visits.reassign(v.id(), to.getValue() == null ? null : to.getValue().id(), v.version());
                Feedback.success(this, "monitoring.reassigned");
                show(v.id());
            } catch (RuleViolation x) {
                Feedback.error(this, x.problems().getFirst().key(), x.problems().getFirst().args().toArray());
            }
        });
        go.setId("visit-reassign");
        HorizontalLayout row = new HorizontalLayout(to, go);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    @Override
    public String getPageTitle() {
        return title + " · Berdaya";
    }
}
