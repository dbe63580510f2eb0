package id.berdaya.grants.handover;

import java.time.LocalDate;
import java.util.List;

/**
 * A handover to record for a province-approved proposal (at the version the user saw): date and
 * place, the handing party (Pihak Pertama), the witness (Mengetahui), for each approved item the
 * quantity actually handed over (a reason wherever it differs), optionally the position of the
 * handover, and one to three photos; {@code keepPhotoPosition} is the operator's consent to keep the
 * position the camera wrote into them. The receiving party (Pihak Kedua) is the proposal's person.
 */
public record NewHandover(long proposalId, int proposalVersion, LocalDate handedOn, String place, String giverName,
                          String giverPosition, String giverOffice, String witnessName, String witnessPosition,
                          List<Line> lines, Handover.Position position, List<HandoverPhoto.Upload> photos,
                          boolean keepPhotoPosition) {

    /** The quantity actually handed over of an approved item; {@code reason} is required when it differs. */
    public record Line(long catalogueItemId, int quantity, String reason) {
    }
}
