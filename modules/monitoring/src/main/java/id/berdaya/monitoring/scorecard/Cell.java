package id.berdaya.monitoring.scorecard;

/**
 * One cell of a scorecard: a count, a percentage (0-100, rounded down), nothing (no source gives
 * the figure, or a percentage of nothing), or suppressed: a partner's cell under 5, which carries
 * no value at all, so no screen or export can show it.
 */
public record Cell(Long value, boolean suppressed) {

    /** What every screen and export shows for a suppressed cell. */
    public static final String SMALL = "<5";

    static final Cell NONE = new Cell(null, false);
    static final Cell SUPPRESSED = new Cell(null, true);

    static Cell of(long value) {
        return new Cell(value, false);
    }

    /** What screens and exports show: "&lt;5" when suppressed, "–" for nothing, "1.234" or "45%". */
    public String text(Indicator i) {
        if (suppressed) {
            return SMALL;
        }
        if (value == null) {
            return "–";
        }
        return i.percentage() ? value + "%" : id.berdaya.core.format.IndonesianFormat.number(value);
    }

    /** The value to sort by: suppressed cells between 0 and 5, empty ones first. */
    public double sortKey() {
        if (suppressed) {
            return 2.5;
        }
        return value == null ? -1 : value;
    }
}
