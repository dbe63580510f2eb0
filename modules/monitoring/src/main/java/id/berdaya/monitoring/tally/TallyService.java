package id.berdaya.monitoring.tally;

import id.berdaya.core.figures.Figure;
import id.berdaya.monitoring.MonitoringRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
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

    TallyService(TallyRepository tally) {
        this.tally = tally;
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
