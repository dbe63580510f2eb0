package id.berdaya.ui.views;

import id.berdaya.monitoring.alert.AlertService;
import id.berdaya.ui.monitoring.MonitoringAlerts;
import id.berdaya.ui.monitoring.TrendCharts;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.grants.approval.ApprovalService;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.Scorecard;
import id.berdaya.monitoring.scorecard.ScorecardService;
import id.berdaya.ui.grants.ApprovalInboxView;
import id.berdaya.ui.monitoring.ScorecardPanel;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.registry.lookup.ForeignNikService;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.ui.security.RouteAccess;
import id.berdaya.ui.components.AuditLabels;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/** Home: who you are and where you work, the scorecard with the map and the flow chart, and the latest activity you may see. */
@Route("")
@PermitAll
public class BerandaView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ScorecardService scorecards;
    private final ApprovalService approvals;
    private final RegionService regions;
    private final TrendService trends;
    /** The scorecard, the map and the charts: built for the address ({@code ?kabkota=} opens a district's). */
    private final Div picture = new Div();

    public BerandaView(AuditService audit, RegionService regions, ScorecardService scorecards, ApprovalService approvals,
                       ForeignNikService foreignNiks, AlertService monitoringAlerts,
                       TrendService trends) {
        this.scorecards = scorecards;
        this.approvals = approvals;
        this.regions = regions;
        this.trends = trends;
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

        // as wide as the page, not as its widest content: the scorecard scrolls sideways inside, the charts wrap
        picture.setWidthFull();
        add(picture);
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

    /**
     * The province's scorecard per kabupaten/kota for provincial roles, or a district's per
     * kecamatan (their own for district roles and partners; {@code ?kabkota=33.03} for a province
     * user, from the map) with the district's work beside it.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        picture.removeAll();
        String asked = event.getLocation().getQueryParameters().getSingleParameter("kabkota")
                .filter(code -> regions.kabkota(code).isPresent()).orElse(null);
        Scorecard card = scorecards.seesProvince() && asked != null ? scorecards.district(asked) : scorecards.mine();
        String place = card.province() ? getTranslation("beranda.allDistricts") : card.total().name();
        if (!card.province()) {
            picture.add(work(card));
        }
        if (scorecards.seesProvince() && !card.province()) {
            picture.add(new RouterLink(getTranslation("scorecard.backToProvince"), BerandaView.class));
        }
        picture.add(new ScorecardPanel(card, scorecards, BerandaView.class, place, this::getTranslation));
        if (trends.mayReadCharts()) {
            picture.add(new TrendCharts(trends, card.province() ? null : card.kabkotaCode(), place, this::getTranslation));
        }
    }

    /**
     * A district's work: proposals waiting for this user's decision and, from monitoring's figures
     * on the scorecard, overdue visits and open risk flags (counts only).
     */
    private Div work(Scorecard card) {
        Div panel = new Div(new H3(getTranslation("beranda.work")));
        panel.setId("district-work");
        Div facts = new Div();
        facts.addClassName("berdaya-facts");
        if (RouteAccess.canOpen(ApprovalInboxView.class)) {
            Div waiting = fact("beranda.approvalsWaiting", IndonesianFormat.number(approvals.waitingCount()), "approvals-waiting");
            waiting.add(new RouterLink(getTranslation("beranda.openInbox"), ApprovalInboxView.class));
            facts.add(waiting);
        }
        // Monitoring's part (visits, flags): shown from the scorecard's monitoring figures once monitoring offers its
        // FigureSource (VISITS_OVERDUE, OPEN_FLAGS); until then "–".
        facts.add(fact("beranda.visitsOverdue", card.total().cell(Indicator.VISITS_OVERDUE).text(Indicator.VISITS_OVERDUE),
                "visits-overdue"));
        facts.add(fact("beranda.openFlags", card.total().cell(Indicator.OPEN_FLAGS).text(Indicator.OPEN_FLAGS),
                "open-flags"));
        panel.add(facts);
        return panel;
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
