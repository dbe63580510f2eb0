package id.berdaya.monitoring.visit;

import java.time.Instant;
import java.time.LocalDate;

/** A change of a visit's due date (with its reason) or officer, as the history shows it. */
public record VisitChange(Kind kind, LocalDate dueBefore, LocalDate dueAfter, Long officerBefore, Long officerAfter, String reason,
                          String changedBy, Instant changedAt) {

    public enum Kind { RESCHEDULED, REASSIGNED }
}
