package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.user.Colleague;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.monitoring.visit.Worklist;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.GridLayout;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /pemantauan: the visits to do. A field officer sees their own: overdue (highlighted, with the
 * days late), due this week, upcoming; the district head the district's, with the unassigned ones
 * and the reassignment; provincial roles choose a kabupaten/kota. Searchable by name, XLSX export.
 * Narrow columns, so that it reads on a tablet (768 px) as at 1366 px.
 */
@Route("pemantauan")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER"})
public class MonitoringView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final VisitService visits;
    private final ScheduleService schedule;
    private final Map<String, Kabkota> districts;
    private final Set<VisitService.WorklistCapability> may;
    private final Map<Long, String> officerNames = new HashMap<>();
    final TextField search = new TextField();
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final Checkbox unassignedOnly = new Checkbox();
    final Grid<Visit> overdue = grid("monitoring-overdue");
    final Grid<Visit> thisWeek = grid("monitoring-this-week");
    final Grid<Visit> upcoming = grid("monitoring-upcoming");
    final ComboBox<Colleague> reassignTo = new ComboBox<>();
    final Button reassign = new Button();

    public MonitoringView(VisitService visits, ScheduleService schedule, RegionService regions) {
        this.visits = visits;
        this.schedule = schedule;
        this.districts = regions.kabkotaByCode();
        this.may = visits.worklistCapabilities();
        setSizeFull();
        addClassName("monitoring-worklist");
        add(new H2(getTranslation("monitoring.title")));

        search.setPlaceholder(getTranslation("monitoring.search"));
        search.setId("monitoring-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search);
        if (may.contains(VisitService.WorklistCapability.CHOOSE_DISTRICT)) {
            kabkota.setItems(regions.kabkota());
            kabkota.setItemLabelGenerator(Kabkota::displayName);
            kabkota.setPlaceholder(getTranslation("monitoring.field.kabkota"));
            kabkota.setClearButtonVisible(true);
            kabkota.setId("monitoring-kabkota");
            kabkota.addValueChangeListener(e -> refresh());
            filters.add(kabkota);
        }
        if (may.contains(VisitService.WorklistCapability.SEE_DISTRICT)) {
            unassignedOnly.setLabel(getTranslation("monitoring.unassignedOnly"));
            unassignedOnly.setId("monitoring-unassigned");
            unassignedOnly.addValueChangeListener(e -> refresh());
            filters.add(unassignedOnly);
        }
        XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "kunjungan-pemantauan", out -> visits.export(filter(),
                new XlsxSheet(getTranslation("monitoring.sheet"), List.of(getTranslation("monitoring.field.beneficiary"),
                        getTranslation("monitoring.field.kabkota"), getTranslation("monitoring.field.kecamatan"),
                        getTranslation("monitoring.field.visit"), getTranslation("monitoring.field.due"),
                        getTranslation("monitoring.field.state"), getTranslation("monitoring.field.daysLate"),
                        getTranslation("monitoring.field.officer"))), out));
        export.setId("monitoring-export");
        filters.add(export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters);

        if (may.contains(VisitService.WorklistCapability.REASSIGN)) {
            reassignTo.setItemLabelGenerator(Colleague::fullName);
            reassignTo.setPlaceholder(getTranslation("monitoring.reassignTo"));
            reassignTo.setId("monitoring-reassign-to");
            reassign.setText(getTranslation("monitoring.reassign"));
            reassign.setId("monitoring-reassign");
            reassign.addClickListener(e -> reassign());
            HorizontalLayout bar = new HorizontalLayout(reassignTo, reassign);
            bar.setWrap(true);
            add(bar);
        }
        add(new SchedulePanel(schedule));
        add(new H3(getTranslation("monitoring.overdue")), overdue, new H3(getTranslation("monitoring.thisWeek")), thisWeek,
                new H3(getTranslation("monitoring.upcoming")), upcoming);
    }

    private Grid<Visit> grid(String id) {
        Grid<Visit> g = new Grid<>();
        g.setId(id);
        g.setAllRowsVisible(true);
        g.setWidthFull();
        GridLayout.wrap(g.addColumn(Visit::beneficiaryName), getTranslation("monitoring.field.beneficiary"));
        g.addColumn(v -> getTranslation("monitoring.visitMonth", v.monthOffset())).setHeader(getTranslation("monitoring.field.visit"))
                .setAutoWidth(true).setFlexGrow(0);
        g.addColumn(v -> IndonesianFormat.date(v.dueOn())).setHeader(getTranslation("monitoring.field.due")).setAutoWidth(true)
                .setFlexGrow(0);
        g.addColumn(v -> {
            long late = v.daysLate(visits.today());
            return late > 0 ? getTranslation("monitoring.daysLate", late) : "";
        }).setHeader(getTranslation("monitoring.field.daysLate")).setAutoWidth(true).setFlexGrow(0);
        g.addColumn(this::officer).setHeader(getTranslation("monitoring.field.officer")).setAutoWidth(true);
        g.setPartNameGenerator(v -> v.daysLate(visits.today()) > 0 ? "overdue" : null);
        g.addItemDoubleClickListener(e -> open(e.getItem()));
        g.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(v -> {
            if (may.contains(VisitService.WorklistCapability.REASSIGN)) {
                reassignTo.setItems(schedule.fieldOfficers(v.kabkotaCode()));
            }
        }));
        g.addItemClickListener(e -> {
            if (!may.contains(VisitService.WorklistCapability.REASSIGN)) {
                open(e.getItem());
            }
        });
        return g;
    }

    private void open(Visit v) {
        getUI().ifPresent(ui -> ui.navigate(VisitView.class, VisitView.parameters(v.id())));
    }

    private String officer(Visit v) {
        if (v.officerId() == null) {
            return getTranslation("monitoring.unassigned");
        }
        if (!officerNames.containsKey(v.officerId())) {
            schedule.fieldOfficers(v.kabkotaCode()).forEach(c -> officerNames.put(c.id(), c.fullName()));
        }
        return officerNames.getOrDefault(v.officerId(), "#" + v.officerId());
    }

    private Worklist.Filter filter() {
        return new Worklist.Filter(kabkota.getValue() == null ? null : kabkota.getValue().code(), search.getValue(),
                unassignedOnly.getValue());
    }

    /** The visit chosen in any of the three lists. */
    Visit selected() {
        for (Grid<Visit> g : List.of(overdue, thisWeek, upcoming)) {
            if (!g.getSelectedItems().isEmpty()) {
                return g.getSelectedItems().iterator().next();
            }
        }
        return null;
    }

    private void reassign() {
        Visit v = selected();
        if (v == null) {
            Feedback.error(this, "monitoring.chooseVisit");
            return;
        }
        try {
            visits.reassign(v.id(), reassignTo.getValue() == null ? null : reassignTo.getValue().id(), v.version());
            Feedback.success(this, "monitoring.reassigned");
            refresh();
        } catch (RuleViolation e) {
            Feedback.error(this, e.problems().getFirst().key(), e.problems().getFirst().args().toArray());
        }
    }

    void refresh() {
        Worklist w = visits.worklist(filter());
        overdue.setItems(w.overdue());
        thisWeek.setItems(w.dueThisWeek());
        upcoming.setItems(w.upcoming());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.title") + " · Berdaya";
    }

    /** Today, as the service counts it (for the tests). */
    LocalDate today() {
        return visits.today();
    }
}
