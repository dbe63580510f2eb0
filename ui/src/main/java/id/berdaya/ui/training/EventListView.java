package id.berdaya.ui.training;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import id.berdaya.ui.components.QueryFilters;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.ui.components.XlsxDownload;
import id.berdaya.training.event.EventFilter;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.TrainingEvent;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Training events, filterable by budget year, kabupaten/kota and status. What a user sees is the
 * service's answer: their district's events, every district's for provincial roles, and for a
 * partner agency only the events it gives a session in (public title only).
 */
@Route("pelatihan")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER", "PARTNER"})
public class EventListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final EventService events;
    private final Map<String, Kabkota> districts;
    final ComboBox<Integer> year = new ComboBox<>();
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final ComboBox<EventStatus> status = new ComboBox<>();
    final Grid<TrainingEvent> grid = new Grid<>();

    public EventListView(EventService events, RegionService regions) {
        this.events = events;
        this.districts = regions.kabkotaByCode();
        setSizeFull();
        add(new H2(getTranslation("training.list.title")));

        int thisYear = LocalDate.now(IndonesianFormat.WIB).getYear();
        year.setItems(IntStream.rangeClosed(thisYear - 5, thisYear + 1).boxed().sorted((a, b) -> b - a).toList());
        year.setLabel(getTranslation("training.field.budgetYear"));
        year.setClearButtonVisible(true);
        year.setId("training-year");
        kabkota.setItems(regions.kabkota());
        kabkota.setItemLabelGenerator(Kabkota::displayName);
        kabkota.setLabel(getTranslation("training.field.kabkota"));
        kabkota.setClearButtonVisible(true);
        kabkota.setId("training-kabkota");
        status.setItems(EventStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("training.status." + s.name()));
        status.setLabel(getTranslation("training.field.status"));
        status.setClearButtonVisible(true);
        status.setId("training-status");
        year.addValueChangeListener(e -> refresh());
        kabkota.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "pelatihan", out -> events.export(filter(), sheet(),
                java.util.Arrays.stream(EventStatus.values()).collect(java.util.stream.Collectors.toMap(
                        s -> s, s -> getTranslation("training.status." + s.name()))), out));
        export.setId("training-export");
        HorizontalLayout filters = new HorizontalLayout(year, kabkota, status, export);
        if (events.mayCreate()) {
            filters.add(new RouterLink(getTranslation("training.new.title"), EventFormView.class));
        }
        filters.setAlignItems(Alignment.END);
        add(filters);

        grid.setId("training-grid");
        grid.addColumn(e -> e.internalTitle() == null ? e.publicTitle() : e.internalTitle())
                .setHeader(getTranslation("training.field.title")).setFlexGrow(2);
        grid.addColumn(TrainingEvent::publicTitle).setHeader(getTranslation("training.field.publicTitle")).setFlexGrow(2);
        grid.addColumn(e -> districts.containsKey(e.kabkotaCode()) ? districts.get(e.kabkotaCode()).displayName() : e.kabkotaCode())
                .setHeader(getTranslation("training.field.kabkota")).setAutoWidth(true);
        grid.addColumn(e -> IndonesianFormat.date(e.startDate()) + " – " + IndonesianFormat.date(e.endDate()))
                .setHeader(getTranslation("training.field.dates")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("training.status." + e.status().name()))
                .setHeader(getTranslation("training.field.status")).setAutoWidth(true);
        grid.addColumn(e -> e.enrolled() + " / " + e.quota()).setHeader(getTranslation("training.field.participants")).setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EventDetailView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));
        add(grid);
    }

    /** {@code ?kabkota=33.03&status=CLOSED&tahun=2026} (from the scorecard) presets the filter; without a year, all years. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        if (QueryFilters.any(q, "kabkota", "status", "tahun")) {
            year.clear();
            QueryFilters.select(year, q, "tahun", String::valueOf);
            QueryFilters.select(kabkota, q, "kabkota", Kabkota::code);
            QueryFilters.select(status, q, "status", EventStatus::name);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(shown());
    }

    private EventFilter filter() {
        return new EventFilter(year.getValue(), kabkota.getValue() == null ? null : kabkota.getValue().code(), status.getValue());
    }

    /** The events the current filter shows. */
    List<TrainingEvent> shown() {
        return events.list(filter());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.list.title") + " · Berdaya";
    }

    /** The export's sheet name and headers in the user's language. */
    public XlsxSheet sheet() {
        return new XlsxSheet(getTranslation("training.sheet"), List.of(getTranslation("training.field.title"),
                getTranslation("training.field.publicTitle"), getTranslation("training.field.kabkota"),
                getTranslation("training.field.start"), getTranslation("training.field.end"),
                getTranslation("training.field.status"), getTranslation("training.field.enrolled"),
                getTranslation("training.field.quota")));
    }
}
