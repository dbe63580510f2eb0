package id.berdaya.core.figures;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A module's part of the scorecards: the feature modules (registry, training, grants, monitoring)
 * each offer one bean that answers the figures they own, per kabupaten/kota or per kecamatan of
 * one kabupaten/kota. The scorecard service, which checks who asks and what they may see, is the
 * only caller (an architecture rule keeps views away from sources). A source therefore need not
 * apply the district scope; those whose reads go through district-scoped repositories (monitoring's)
 * keep all their answers, kept counts included, to the scope as well.
 * <p>
 * A source must not scan a large table per call (the register has a million rows): it reads
 * counts kept in the same transaction as the change, or an index range of comparable cost.
 */
public interface FigureSource {

    /** The figures this source answers. */
    Set<Figure> provides();

    /** Per kabupaten/kota code ({@code 33.03}), the figures; a district without any may be absent. */
    Map<String, Map<Figure, Long>> byKabkota(LocalDate today);

    /** Per kecamatan code ({@code 33.03.01}) of one kabupaten/kota, the figures. */
    Map<String, Map<Figure, Long>> byKecamatan(String kabkotaCode, LocalDate today);

    /**
     * What happened from {@code from} to {@code to} (inclusive; whole months where the counts are
     * kept per month, as they all are now), for the monthly reports and the flow chart: per
     * kabupaten/kota when {@code kabkotaCode} is null, else per kecamatan of that kabupaten/kota.
     * Event figures count the events dated in the period (people registered, verified, enrolled,
     * completed, proposals submitted/approved/handed over and their rupiah, visits done, 6- and
     * 12-month visits done and running, flags raised, graduations). State figures that have no
     * meaning for a past period ({@link Figure#VISITS_DUE}, {@link Figure#VISITS_OVERDUE},
     * {@link Figure#OPEN_FLAGS}, {@link Figure#CEILING_RUPIAH}) are left out: reports take them
     * from {@link #byKabkota} as of today and say so.
     */
    Map<String, Map<Figure, Long>> inPeriod(String kabkotaCode, LocalDate from, LocalDate to);
}
