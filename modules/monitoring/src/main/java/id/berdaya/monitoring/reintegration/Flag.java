package id.berdaya.monitoring.reintegration;

import java.time.LocalDate;

/** A reintegration risk flag (specific personal data): open until closed with a note. */
public record Flag(long id, long caseId, Long visitId, FlagKind kind, String note, LocalDate raisedOn, String raisedBy,
                   LocalDate closedOn, String closedBy, String closeNote, int version) {

    public boolean open() {
        return closedOn == null;
    }
}
