package id.berdaya.monitoring.trend;

/** The visit counts the scorecards and charts read (records only). */
public final class VisitFigures {

    private VisitFigures() {
    }

    /** One month ({@code yyyy-MM}) of the chart "visits done against due": due in that month, and of those done. */
    public record Month(String month, int due, int done) {
    }

    /**
     * One cohort (handover quarter {@code yyyy-Qn}): people met at their 6- and 12-month visits and
     * of those whose business ran; the rates are running / visited.
     */
    public record Cohort(String quarter, int visited6, int running6, int visited12, int running12) {
    }
}
