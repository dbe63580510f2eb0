package id.berdaya.monitoring.figures;

import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.figures.FigureSource;
import id.berdaya.monitoring.MonitoringRoles;
import id.berdaya.monitoring.outcome.OutcomeService;
import id.berdaya.monitoring.tally.TallyService;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.monitoring.trend.VisitFigures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Monitoring's part of the scorecards, within the asking user's scope. Counts of what happened
 * (visits done, 6- and 12-month visits with the person met and with the business running, open
 * flags, graduations) come from {@link TallyService}, kept in the transaction of each change; the
 * visits due (today and the coming 7 days) and overdue are index ranges on the open visits' due
 * date. A period's visit figures are the counts per month of the visit that V048's triggers keep
 * in {@link FigureCounts} (whole months, as every source's period; kept to the user's scope here,
 * as the rest of this source is), its graduations a range on the decision date. "Visited" at 6 or 12
 * months means the person was met; "running" counts a business running fully or partly.
 */
@Service
@Transactional(readOnly = true)
public class MonitoringFigures implements FigureSource {

    private static final Set<Figure> PROVIDES = EnumSet.of(Figure.VISITS_DONE, Figure.VISITS_DUE, Figure.VISITS_OVERDUE,
            Figure.VISITED_6M, Figure.RUNNING_6M, Figure.VISITED_12M, Figure.RUNNING_12M, Figure.OPEN_FLAGS, Figure.GRADUATED);

    /** A period's visit figures, counted per month of the visit by V048's triggers. */
    private static final Set<Figure> OF_A_PERIOD = EnumSet.of(Figure.VISITS_DONE, Figure.VISITED_6M, Figure.RUNNING_6M,
            Figure.VISITED_12M, Figure.RUNNING_12M);

    private final TallyService tally;
    private final TrendService visits;
    private final OutcomeService outcomes;
    private final FigureCounts counts;
    private final DistrictScope scope;

    MonitoringFigures(TallyService tally, TrendService visits, OutcomeService outcomes, FigureCounts counts, DistrictScope scope) {
        this.tally = tally;
        this.visits = visits;
        this.outcomes = outcomes;
        this.counts = counts;
        this.scope = scope;
    }

    @Override
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    public Set<Figure> provides() {
        return PROVIDES;
    }

    @Override
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    public Map<String, Map<Figure, Long>> byKabkota(LocalDate today) {
        return now(null, today);
    }

    @Override
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    public Map<String, Map<Figure, Long>> byKecamatan(String kabkotaCode, LocalDate today) {
        return now(kabkotaCode, today);
    }

    private Map<String, Map<Figure, Long>> now(String kabkota, LocalDate today) {
        Map<String, Map<Figure, Long>> out = new HashMap<>();
        tally.sums(kabkota).forEach((k, figures) -> figures.forEach((f, n) -> put(out, k, f, n)));
        visits.countOpen(kabkota, today, today.plusDays(8)).forEach((k, n) -> put(out, k, Figure.VISITS_DUE, n));
        visits.countOpen(kabkota, null, today).forEach((k, n) -> put(out, k, Figure.VISITS_OVERDUE, n));
        return out;
    }

    @Override
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    public Map<String, Map<Figure, Long>> inPeriod(String kabkotaCode, LocalDate from, LocalDate to) {
        Map<String, Map<Figure, Long>> out = new HashMap<>();
        DistrictScope.Visibility visible = scope.visibility(); // the counts are not district-owned rows: the scope is applied here
        if (kabkotaCode == null || visible.includes(kabkotaCode)) {
            counts.inMonths(OF_A_PERIOD, kabkotaCode, from, to).forEach((k, figures) -> {
                if (kabkotaCode != null || visible.includes(k)) {
                    figures.forEach((f, n) -> put(out, k, f, n));
                }
            });
        }
        outcomes.graduatedIn(kabkotaCode, from, to).forEach((k, n) -> put(out, k, Figure.GRADUATED, n));
        return out;
    }

    private static void put(Map<String, Map<Figure, Long>> out, String key, Figure f, long n) {
        out.computeIfAbsent(key, k -> new HashMap<>()).merge(f, n, Long::sum);
    }
}
