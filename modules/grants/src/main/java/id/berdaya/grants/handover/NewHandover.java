package id.berdaya.grants.handover;

import java.time.LocalDate;
import java.util.List;

/**
 * A handover to record for a province-approved proposal (at the version the user saw): date and
 * place, the handing party (Pihak Pertama), the witness (Mengetahui), and for each approved item
 * the quantity actually handed over, with a reason wherever it differs. The receiving party (Pihak
 * Kedua) is the proposal's person.
 */
public record NewHandover(long proposalId, int proposalVersion, LocalDate handedOn, String place, String giverName,
                          String giverPosition, String giverOffice, String witnessName, String witnessPosition,
                          List<Line> lines) {

    /** The quantity actually handed over of an approved item; {@code reason} is required when it differs. */
    public record Line(long catalogueItemId, int quantity, String reason) {
    }
}
