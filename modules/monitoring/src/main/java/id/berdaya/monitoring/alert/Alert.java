package id.berdaya.monitoring.alert;

import java.time.LocalDate;

/**
 * One alert on the district head's Beranda: a visit overdue for more than 14 days ({@code days}
 * late), a new risk flag (never its kind), or a business found stopped; {@code visitId} is null for
 * a flag.
 */
public record Alert(Kind kind, long caseId, Long visitId, String beneficiaryName, LocalDate date, long days) {

    public enum Kind { OVERDUE, NEW_FLAG, BUSINESS_STOPPED }
}
