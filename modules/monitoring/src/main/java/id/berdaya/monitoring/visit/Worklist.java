package id.berdaya.monitoring.visit;

import java.util.List;

/**
 * The visits to do: overdue (oldest first), due this week, upcoming (the next 60 days); at most
 * {@link VisitService#WORKLIST_LIMIT} each.
 */
public record Worklist(List<Visit> overdue, List<Visit> dueThisWeek, List<Visit> upcoming) {

    /**
     * Which visits: a field officer sees those assigned to them; the district head and provincial
     * roles the district's ({@code kabkotaCode}, null for all in scope), optionally only unassigned
     * ones; {@code text} matches the person's name.
     */
    public record Filter(String kabkotaCode, String text, boolean unassignedOnly) {

        public static Filter all() {
            return new Filter(null, null, false);
        }
    }

    public List<Visit> all() {
        return java.util.stream.Stream.of(overdue, dueThisWeek, upcoming).flatMap(List::stream).toList();
    }
}
