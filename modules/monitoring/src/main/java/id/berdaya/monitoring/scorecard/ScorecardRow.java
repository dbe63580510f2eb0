package id.berdaya.monitoring.scorecard;

import java.util.Map;

/** A row of the scorecard: a kabupaten/kota (the province's) or a kecamatan (a district's), or the total. */
public record ScorecardRow(String code, String name, Map<Indicator, Cell> cells) {

    public Cell cell(Indicator i) {
        return cells.getOrDefault(i, Cell.NONE);
    }
}
