package id.berdaya.monitoring.visit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A monitoring visit: scheduled ({@code dueOn}, the officer or none), then recorded once. Money in
 * rupiah. The acceptance and business fields are null until recorded (and stay null when the
 * person was not met).
 */
public record Visit(long id, long caseId, long beneficiaryId, String beneficiaryName, String kabkotaCode, String kecamatanCode,
                    int monthOffset, LocalDate dueOn, Long officerId, boolean done, LocalDate visitedOn, Boolean personMet,
                    String notMetReason, Business business, String businessReason, Long turnover, Long profit,
                    Acceptance workAcceptance, Acceptance familyAcceptance, Acceptance communityAcceptance, String notes,
                    String needs, String referrals, String recordedBy, int version) {

    /** How the business goes: running, partly running, stopped. */
    public enum Business {
        RUNNING, PARTLY, STOPPED;

        /** Whether the business runs (fully or partly): the scorecards' "running" and graduation's condition. */
        public boolean runs() {
            return this != STOPPED;
        }
    }

    /** How well the person is accepted (at work, in the family, in the community). */
    public enum Acceptance {
        GOOD, FAIR, POOR
    }

    /** Where a visit stands on a given day: done, overdue, due (within the coming 7 days) or upcoming. */
    public enum State {
        DONE, OVERDUE, DUE, UPCOMING
    }

    public State state(LocalDate today) {
        if (done) {
            return State.DONE;
        }
        if (dueOn.isBefore(today)) {
            return State.OVERDUE;
        }
        return dueOn.isAfter(today.plusDays(7)) ? State.UPCOMING : State.DUE;
    }

    /** Days past the due date (0 when not late or done). */
    public long daysLate(LocalDate today) {
        return done || !dueOn.isBefore(today) ? 0 : ChronoUnit.DAYS.between(dueOn, today);
    }
}
