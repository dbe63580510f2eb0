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

    /** The headers of an export: the code's and the name's, then each available indicator's. */
    public List<String> headers(String codeHeader, String nameHeader, java.util.function.Function<Indicator, String> label) {
        List<String> h = new java.util.ArrayList<>(List.of(codeHeader, nameHeader));
        available.forEach(i -> h.add(label.apply(i)));
        return h;
    }

    /**
     * Writes the rows and the total (named {@code totalLabel}) into an export: numbers as numbers,
     * suppressed cells as "&lt;5", empty ones empty. Answers the rows written.
     */
    public int writeTo(id.berdaya.core.export.XlsxExport x, String totalLabel) {
        List<ScorecardRow> all = new java.util.ArrayList<>(rows);
        all.add(total);
        for (ScorecardRow r : all) {
            boolean isTotal = r == total;
            List<Object> values = new java.util.ArrayList<>();
            values.add(isTotal || r.code() == null ? "" : r.code());
            values.add(isTotal ? totalLabel : r.name());
            for (Indicator i : available) {
                Cell c = r.cell(i);
                values.add(c.suppressed() ? Cell.SMALL : c.value() == null ? "" : c.value());
            }
            x.row(values.toArray());
        }
        return all.size();
    }
}
