package id.berdaya.monitoring.trend;

import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.security.Guards;
import id.berdaya.monitoring.MonitoringRoles;
import id.berdaya.monitoring.tally.TallyService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The visit counts and charts within the user's scope: open visits per due date (index ranges,
 * never a scan), the chart "visits done against due" per month (the
 * counts per due month that V047's triggers keep in {@link FigureCounts}), the
 * chart "business running by cohort" (counts kept per handover quarter in the visit's transaction,
 * {@link TallyService#cohorts}), and the alerts' counts per kabupaten/kota.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class TrendService {

    private static final Set<Figure> BY_DUE_MONTH = EnumSet.of(Figure.VISITS_BY_DUE_MONTH, Figure.VISITS_BY_DUE_MONTH_DONE);

    private final TrendRepository visits;
    private final TallyService tally;
    private final FigureCounts counts;
    private final DistrictScope scope;
    private final Clock clock;

    TrendService(TrendRepository visits, TallyService tally, FigureCounts counts, DistrictScope scope, Clock clock) {
        this.visits = visits;
        this.tally = tally;
        this.counts = counts;
        this.scope = scope;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(IndonesianFormat.WIB));
    }

    /** Open visits due from {@code from} (null: any) to {@code to} (exclusive), per kabupaten/kota (null) or per kecamatan of one. */
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    public Map<String, Integer> countOpen(String kabkotaCode, LocalDate from, LocalDate to) {
        return visits.countOpen(kabkotaCode, from, to);
    }

    /**
     * Whether the current user may read the two trend charts ({@link #perMonth}, {@link #cohorts}):
     * staff only, since their monthly counts are not suppressed below five as a partner's figures are.
     */
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    public boolean mayReadCharts() {
        return Guards.allows(MonitoringRoles.READERS);
    }

    /**
     * The chart "visits done against due": the last 12 months up to the current one, each with the
     * visits due in it and those of them done, within scope (optionally one kabupaten/kota; a
     * district out of scope has none). Reads at most 24 kept counts per kabupaten/kota and month.
     */
    @PreAuthorize(MonitoringRoles.READERS)
    public List<VisitFigures.Month> perMonth(String kabkotaCode) {
        LocalDate first = today().withDayOfMonth(1).minusMonths(11);
        DistrictScope.Visibility v = scope.visibility();
        String kabkota = kabkotaCode == null && v.reach() == DistrictScope.Reach.ONE ? v.district() : kabkotaCode;
        Map<LocalDate, Map<Figure, Long>> kept = v.covers(kabkota) ? counts.perMonth(BY_DUE_MONTH, kabkota, first, first.plusMonths(11)) : Map.of();
        List<VisitFigures.Month> out = new ArrayList<>();
        for (LocalDate m = first; out.size() < 12; m = m.plusMonths(1)) {
            Map<Figure, Long> n = kept.getOrDefault(m, Map.of());
            out.add(new VisitFigures.Month(m.toString().substring(0, 7), n.getOrDefault(Figure.VISITS_BY_DUE_MONTH, 0L).intValue(),
                    n.getOrDefault(Figure.VISITS_BY_DUE_MONTH_DONE, 0L).intValue()));
        }
        return out;
    }

    /**
     * The chart "business running by cohort": per handover quarter from the one three years ago,
     * the people met at their 6- and 12-month visits and those whose business ran, within scope.
     */
    @PreAuthorize(MonitoringRoles.READERS)
    public List<VisitFigures.Cohort> cohorts(String kabkotaCode) {
        return tally.cohorts(kabkotaCode, today().minusYears(3)).stream()
                .map(c -> new VisitFigures.Cohort(c.quarter().getYear() + "-Q" + ((c.quarter().getMonthValue() - 1) / 3 + 1),
                        (int) c.visited6(), (int) c.running6(), (int) c.visited12(), (int) c.running12()))
                .toList();
    }

    /** Per visible kabupaten/kota: open visits due before {@code before} (the province's alerts). */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    public Map<String, Integer> overdueByKabkota(LocalDate before) {
        return visits.overdueByKabkota(before);
    }

    /** Per visible kabupaten/kota: visits since {@code since} that found the business stopped. */
    @PreAuthorize(MonitoringRoles.ALERT_READERS)
    public Map<String, Integer> stoppedByKabkota(LocalDate since) {
        return visits.stoppedByKabkota(since);
    }
}
