package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.region.Kabkota;
import id.berdaya.monitoring.alert.Alert;
import id.berdaya.monitoring.alert.AlertService;
import id.berdaya.monitoring.alert.DistrictAlerts;

import java.util.Map;

/**
 * The Beranda's monitoring alerts: for the district head each visit overdue for more than 14 days,
 * each new risk flag (never its kind) and each business found stopped, linked to its visit; for the
 * province the districts past the threshold, with their counts.
 */
public class MonitoringAlerts extends Div {

    /** The panel for the current user, or null when the service has none for them. */
    public static MonitoringAlerts of(AlertService alerts, Map<String, Kabkota> districts) {
        AlertService.Panel panel = alerts.forBeranda();
        return panel.shown() ? new MonitoringAlerts(panel, districts) : null;
    }

    private MonitoringAlerts(AlertService.Panel panel, Map<String, Kabkota> districts) {
        setId("monitoring-alerts");
        add(new H3(getTranslation("monitoring.alerts.title")));
        if (panel.alerts().isEmpty() && panel.districts().isEmpty()) {
            add(new Span(getTranslation("monitoring.alerts.none")));
        }
        for (Alert a : panel.alerts()) {
            String text = getTranslation("monitoring.alert." + a.kind().name(), a.beneficiaryName(), a.days());
            Div line = new Div();
            line.addClassName("monitoring-alert-" + a.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (a.visitId() != null) {
                line.add(new RouterLink(text, VisitView.class, VisitView.parameters(a.visitId())));
            } else {
                line.add(new Span(text));
            }
            add(line);
        }
        for (DistrictAlerts d : panel.districts()) {
            String name = districts.containsKey(d.kabkotaCode()) ? districts.get(d.kabkotaCode()).displayName() : d.kabkotaCode();
            add(new Div(getTranslation("monitoring.alerts.district", name, d.overdue(), d.newFlags(), d.stopped())));
        }
    }
}
