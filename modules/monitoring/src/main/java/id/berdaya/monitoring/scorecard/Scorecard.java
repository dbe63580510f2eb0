package id.berdaya.monitoring.scorecard;

import java.time.LocalDate;
import java.util.List;

/**
 * A scorecard as of a day: one row per kabupaten/kota ({@code kabkotaCode} null) or per kecamatan
 * of one kabupaten/kota, the total, which indicators have a source, and whether small cells are
 * suppressed (a partner's).
 */
public record Scorecard(String kabkotaCode, LocalDate asOf, List<ScorecardRow> rows, ScorecardRow total,
                        List<Indicator> available, boolean suppressed) {

    public boolean province() {
        return kabkotaCode == null;
    }
}
