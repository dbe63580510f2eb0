package id.berdaya.ui.monitoring;

import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.ui.security.RouteAccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a scorecard cell leads: the list behind the number, filtered with the parameters that
 * list accepts ({@code /penerima-manfaat?kabkota=..&kecamatan=..&status=VERIFIED},
 * {@code /pelatihan?kabkota=..}, {@code /bantuan?kabkota=..&state=..}, {@code /pemantauan?kabkota=..}).
 * No link where the user may not open the list, or where it does not exist yet.
 */
final class ScorecardLinks {

    private ScorecardLinks() {
    }

    /** The address for a cell of the row of {@code kabkota} (and {@code kecamatan}, for a district's row), or empty. */
    static Optional<String> href(Indicator i, String kabkota, String kecamatan) {
        String route = switch (i) {
            case REGISTERED, VERIFIED -> "penerima-manfaat";
            case TRAINING_ENROLLED, TRAINING_COMPLETED -> "pelatihan";
            case PROPOSALS_SUBMITTED, PROPOSALS_APPROVED, PROPOSALS_HANDED_OVER, ABSORPTION_PCT -> "bantuan";
            case VISITS_DONE, VISITS_DUE, VISITS_OVERDUE, RUNNING_6M_PCT, RUNNING_12M_PCT, OPEN_FLAGS -> "pemantauan";
        };
        Optional<Class<? extends com.vaadin.flow.component.Component>> view = RouteConfiguration.forSessionScope().getRoute(route);
        if (view.isEmpty() || !RouteAccess.canOpen(view.get())) {
            return Optional.empty();
        }
        Map<String, String> q = new LinkedHashMap<>();
        if (kabkota != null) {
            q.put("kabkota", kabkota);
        }
        if (kecamatan != null && (route.equals("penerima-manfaat") || route.equals("pemantauan"))) {
            q.put("kecamatan", kecamatan);
        }
        switch (i) {
            case VERIFIED -> q.put("status", "VERIFIED");
            case TRAINING_COMPLETED -> q.put("status", "CLOSED");
            case PROPOSALS_APPROVED -> q.put("state", "PROVINCE_APPROVED");
            case PROPOSALS_HANDED_OVER -> q.put("state", "HANDED_OVER");
            case VISITS_DONE -> q.put("visits", "done");
            case VISITS_DUE -> q.put("visits", "due");
            case VISITS_OVERDUE -> q.put("visits", "overdue");
            case OPEN_FLAGS -> q.put("flags", "open");
            default -> {
            }
        }
        Map<String, List<String>> multi = new LinkedHashMap<>();
        q.forEach((k, v) -> multi.put(k, List.of(v)));
        String query = new QueryParameters(multi).getQueryString();
        return Optional.of(route + (query.isEmpty() ? "" : "?" + query));
    }
}
