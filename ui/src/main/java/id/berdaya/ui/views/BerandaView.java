package id.berdaya.ui.views;

import id.berdaya.monitoring.alert.AlertService;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.ui.monitoring.MonitoringAlerts;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.lookup.ForeignNikService;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.ui.registry.BeneficiaryListView;
import id.berdaya.ui.security.RouteAccess;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Map;
import id.berdaya.ui.components.AuditLabels;
import id.berdaya.ui.components.GridLayout;
import id.berdaya.ui.components.ProvinceMap;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/** Home: who you are and where you work, the province map, and the latest activity you may see. */
@Route("")
@PermitAll
public class BerandaView extends VerticalLayout implements HasDynamicTitle {

    public BerandaView(AuditService audit, RegionService regions, BeneficiaryService registry, ForeignNikService foreignNiks,
                       AlertService monitoringAlerts) {
        BerdayaUser me = CurrentUser.require();
        addClassName("berdaya-beranda");
        add(new H2(getTranslation("beranda.welcome", me.fullName())));

        String district = me.kabkotaCode() == null ? getTranslation("beranda.allDistricts")
                : regions.kabkota(me.kabkotaCode()).map(k -> k.displayName() + " (" + k.code() + ")").orElse(me.kabkotaCode());
        Div facts = new Div(fact("beranda.yourRole", getTranslation("role." + me.role().name()), "my-role"),
                fact("beranda.yourDistrict", district, "my-district"));
        facts.addClassName("berdaya-facts");
        add(facts);
        if (foreignNiks.seesAlerts()) {
            add(alerts(foreignNiks.alerts(5), regions));
        }
        MonitoringAlerts monitoring = MonitoringAlerts.of(monitoringAlerts, regions.kabkotaByCode());
        if (monitoring != null) {
            add(monitoring);
        }

        add(new H3(getTranslation("beranda.map")));
        ProvinceMap map = new ProvinceMap(getTranslation("beranda.map"));
        map.setHighlighted(me.kabkotaCode());
        boolean readsRegister = RouteAccess.canOpen(BeneficiaryListView.class);
        if (readsRegister) {
            // beneficiaries per kabupaten/kota within the user's scope; a click opens the list filtered to it
            map.setValues(registry.countByKabkota(), getTranslation("beranda.beneficiaries"));
            map.addRegionClickListener(code -> map.getUI().ifPresent(ui ->
                    ui.navigate(BeneficiaryListView.class, QueryParameters.of("kabkota", code))));
        } else {
            map.addRegionClickListener(code -> map.getUI().ifPresent(ui ->
                    ui.navigate(WilayahView.class, QueryParameters.of(WilayahView.CODE_PARAMETER, code))));
        }
        map.setWidth("min(100%, 540px)");
        Span hint = new Span(getTranslation("beranda.mapHint"));
        hint.addClassName("berdaya-map-hint");
        if (readsRegister) {
            hint.setText(getTranslation("beranda.mapHintRegister"));
            HorizontalLayout figures = new HorizontalLayout(map, registerFigures(registry));
            figures.setWidthFull();
            figures.setWrap(true);
            figures.setAlignItems(FlexComponent.Alignment.START); // the map keeps its own height, no band above it
            add(figures, hint);
        } else {
            add(map, hint);
        }

        add(new H3(getTranslation("beranda.latestAudit")));
        List<AuditEntry> latest = audit.latest(15);
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("latest-audit");
        AuditLabels labels = new AuditLabels(this, regions);
        grid.addColumn(e -> IndonesianFormat.dateTime(e.occurredAt())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        grid.addColumn(e -> labels.action(e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(labels::entity).setHeader(getTranslation("audit.entityType"));
        grid.addColumn(labels::districts).setHeader(getTranslation("audit.kabkota")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(latest);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("beranda.noAudit"));
        add(grid);
    }

    /** Peringatan: the latest users who went past the daily limit of NIKs found in other districts. */
    private Div alerts(List<AuditEntry> alerts, RegionService regions) {
        AuditLabels labels = new AuditLabels(this, regions);
        Div panel = new Div(new H3(getTranslation("beranda.alerts")));
        panel.setId("alerts");
        if (alerts.isEmpty()) {
            panel.add(new Span(getTranslation("beranda.noAlerts")));
        }
        for (AuditEntry e : alerts) {
            Div line = new Div(new Span(IndonesianFormat.dateTime(e.occurredAt()) + " · " + labels.action(e.action()) + " · "
                    + e.username() + " · " + labels.districts(e)));
            line.addClassName("berdaya-warning");
            panel.add(line);
        }
        return panel;
    }

    /** The register in numbers: by status and, for roles that may see it, by PPKS category. */
    private VerticalLayout registerFigures(BeneficiaryService registry) {
        Map<BeneficiaryStatus, Integer> byStatus = registry.countByStatus();
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        Span totalText = new Span(getTranslation("registry.count", IndonesianFormat.number(total)));
        totalText.setId("register-total");
        totalText.addClassName("berdaya-fact-value");
        Grid<Map.Entry<String, Integer>> status = figureGrid("registry.status");
        status.setId("register-by-status");
        status.setItems(byStatus.entrySet().stream()
                .map(e -> Map.entry(getTranslation("registry.status." + e.getKey().name()), e.getValue())).toList());
        VerticalLayout v = new VerticalLayout(totalText, status);
        Map<String, Integer> byCategory = registry.countByCategory();
        if (!byCategory.isEmpty()) {
            Grid<Map.Entry<String, Integer>> category = figureGrid("registry.category");
            category.setId("register-by-category");
            category.setItems(byCategory.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList());
            v.add(category);
        }
        v.setPadding(false);
        v.setWidth("min(100%, 28rem)");
        return v;
    }

    private Grid<Map.Entry<String, Integer>> figureGrid(String headerKey) {
        Grid<Map.Entry<String, Integer>> grid = new Grid<>();
        GridLayout.wrap(grid.addColumn(Map.Entry::getKey).setHeader(getTranslation(headerKey)).setFlexGrow(1));
        grid.addColumn(e -> IndonesianFormat.number(e.getValue())).setHeader(getTranslation("beranda.beneficiaries")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Div fact(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("berdaya-fact-label");
        Span v = new Span(value);
        v.setId(id);
        v.addClassName("berdaya-fact-value");
        Div d = new Div(label, v);
        d.addClassName("berdaya-fact");
        return d;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("beranda.title") + " · Berdaya";
    }
}
