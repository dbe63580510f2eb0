package id.berdaya.monitoring.tally;

import id.berdaya.core.figures.Figure;
import id.berdaya.monitoring.MonitoringRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monitoring figures that are counts of what happened (visits done, 6- and 12-month visits
 * done and running, open risk flags, graduations), kept per kecamatan in the transaction of the
 * change, so that a scorecard reads a few hundred rows instead of counting the visits.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class TallyService {

    /** The figures kept here. */
    public static final Set<Figure> KEPT = EnumSet.of(Figure.VISITS_DONE, Figure.VISITED_6M, Figure.RUNNING_6M,
            Figure.VISITED_12M, Figure.RUNNING_12M, Figure.OPEN_FLAGS, Figure.GRADUATED);

    private final TallyRepository tally;
    private final CohortRepository cohorts;

    TallyService(TallyRepository tally, CohortRepository cohorts) {
        this.tally = tally;
        this.cohorts = cohorts;
    }

    /** A cohort's counts: the handover quarter (its first day), people met at 6 months and of them running; the same at 12. */
    public record Cohort(LocalDate quarter, long visited6, long running6, long visited12, long running12) {
    }

    /** The first day of the quarter of a date. */
    private static LocalDate quarterOf(LocalDate d) {
        return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    /**
     * Counts a person met at their 6- or 12-month visit (and whether the business ran) in the cohort
     * of their handover's quarter, in the caller's transaction (the visit's).
     */
    @PreAuthorize(MonitoringRoles.READERS)
    public void addCohort(String kabkotaCode, String kecamatanCode, LocalDate handedOn, int monthOffset, boolean running) {
        if (monthOffset != 6 && monthOffset != 12) {
            throw new IllegalArgumentException("not a cohort visit: " + monthOffset);
        }
        cohorts.add(kabkotaCode, kecamatanCode, quarterOf(handedOn), monthOffset == 12, running);
    }

    /**
     * The cohort counts within the user's scope (optionally one kabupaten/kota), per handover
     * quarter from the quarter of {@code from}: people met at 6 months, running; at 12, running.
     */
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Cohort> cohorts(String kabkotaCode, LocalDate from) {
        return cohorts.sums(kabkotaCode, quarterOf(from));
    }

    /** Adds {@code delta} to a figure of a kecamatan, in the caller's transaction (the change's). */
    @PreAuthorize(MonitoringRoles.READERS)
    public void add(String kabkotaCode, String kecamatanCode, Figure figure, long delta) {
        if (!KEPT.contains(figure)) {
            throw new IllegalArgumentException("not a kept figure: " + figure);
        }
        tally.add(kabkotaCode, kecamatanCode, figure, delta);
    }

    /** The kept figures within the user's scope, per kabupaten/kota ({@code kabkotaCode} null) or per kecamatan of one. */
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<String, Map<Figure, Long>> sums(String kabkotaCode) {
        return tally.sums(kabkotaCode);
    }
}
