package id.berdaya.monitoring.outcome;

import java.time.LocalDate;

/** The outcome of a follow-up at 12 months, with its reason. */
public record Outcome(long caseId, long beneficiaryId, Kind kind, Reason reason, LocalDate decidedOn, String decidedBy) {

    public enum Kind { GRADUATED, EXITED }

    /** Why: the business ran and no flag was open (graduated), or it had stopped, or a risk flag was open (exited). */
    public enum Reason { BUSINESS_RUNNING, BUSINESS_STOPPED, FLAG_OPEN }
}
