package id.berdaya.monitoring.alert;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.monitoring.MonitoringRoles;
import id.berdaya.monitoring.reintegration.ReintegrationService;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.monitoring.visit.FollowUp;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Monitoring's alerts: a visit overdue for more than {@link #OVERDUE_DAYS} days, a risk flag raised
 * in the last {@link #RECENT_DAYS} days (still open), a visit of the last {@link #RECENT_DAYS} days
 * that found the business stopped. The district head sees them one by one; the province sees the
 * districts with more than {@code berdaya.monitoring.alert-threshold} (default 5) of a kind.
 */
@Service
@Transactional(readOnly = true)
public class AlertService {

    public static final int OVERDUE_DAYS = 14;
    public static final int RECENT_DAYS = 30;
    static final int LIMIT = 50;

    private final VisitService visits;
    private final TrendService trend;
    private final ReintegrationService reintegration;
    private final int threshold;

    AlertService(VisitService visits, TrendService trend, ReintegrationService reintegration,
                 @Value("${berdaya.monitoring.alert-threshold:5}") int threshold) {
        this.visits = visits;
        this.trend = trend;
        this.reintegration = reintegration;
        this.threshold = threshold;
    }

    /** The alerts of one visible kabupaten/kota, newest concerns first within each kind (at most 50 of each). */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    public List<Alert> district(String kabkotaCode) {
        LocalDate today = visits.today();
        List<Alert> out = new ArrayList<>();
        for (Visit v : visits.overdueBefore(kabkotaCode, today.minusDays(OVERDUE_DAYS), LIMIT)) {
            out.add(new Alert(Alert.Kind.OVERDUE, v.caseId(), v.id(), v.beneficiaryName(), v.dueOn(), v.daysLate(today)));
        }
        Map<Long, LocalDate> flagged = reintegration.raisedSince(kabkotaCode, today.minusDays(RECENT_DAYS), LIMIT);
        Map<Long, FollowUp> people = visits.followUps(flagged.keySet()).stream()
                .collect(Collectors.toMap(FollowUp::id, Function.identity()));
        flagged.entrySet().stream().sorted(Map.Entry.<Long, LocalDate>comparingByValue().reversed()).forEach(e -> {
            FollowUp f = people.get(e.getKey());
            if (f != null) {
                out.add(new Alert(Alert.Kind.NEW_FLAG, f.id(), null, f.beneficiaryName(), e.getValue(),
                        ChronoUnit.DAYS.between(e.getValue(), today)));
            }
        });
        for (Visit v : visits.stoppedSince(kabkotaCode, today.minusDays(RECENT_DAYS), LIMIT)) {
            out.add(new Alert(Alert.Kind.BUSINESS_STOPPED, v.caseId(), v.id(), v.beneficiaryName(), v.visitedOn(),
                    ChronoUnit.DAYS.between(v.visitedOn(), today)));
        }
        return out;
    }

    /** The visible kabupaten/kota with more than the threshold of any kind, by code. */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    public List<DistrictAlerts> province() {
        LocalDate today = visits.today();
        Map<String, Integer> overdue = trend.overdueByKabkota(today.minusDays(OVERDUE_DAYS));
        Map<String, Integer> flags = reintegration.raisedSinceByKabkota(today.minusDays(RECENT_DAYS));
        Map<String, Integer> stopped = trend.stoppedByKabkota(today.minusDays(RECENT_DAYS));
        TreeSet<String> codes = new TreeSet<>(overdue.keySet());
        codes.addAll(flags.keySet());
        codes.addAll(stopped.keySet());
        return codes.stream().map(k -> new DistrictAlerts(k, overdue.getOrDefault(k, 0), flags.getOrDefault(k, 0),
                        stopped.getOrDefault(k, 0)))
                .filter(d -> d.overdue() > threshold || d.newFlags() > threshold || d.stopped() > threshold)
                .sorted(Comparator.comparing(DistrictAlerts::kabkotaCode)).toList();
    }

    /** What the Beranda shows: a district head their district's alerts, provincial roles the districts past the threshold. */
    public record Panel(List<Alert> alerts, List<DistrictAlerts> districts) {

        public boolean shown() {
            return alerts != null;
        }
    }

    /** The current user's alert panel; nothing ({@code shown() == false}) for roles without alerts. */
    @PreAuthorize("isAuthenticated()")
    public Panel forBeranda() {
        if (!Guards.allows(MonitoringRoles.ALERT_READERS)) {
            return new Panel(null, List.of());
        }
        BerdayaUser me = CurrentUser.require();
        return me.role().isDistrictLevel() ? new Panel(district(me.kabkotaCode()), List.of()) : new Panel(List.of(), province());
    }

    /** The threshold above which the province is alerted about a district. */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    public int threshold() {
        return threshold;
    }
}
