package id.berdaya.grants.handover;

import java.time.LocalDate;
import java.util.List;

/**
 * A group handover to record: several province-approved proposals of one district (each at the
 * version the user saw) handed over on one day in one place by the same party before the same
 * witness, entered once. Each person gets their own BAST with the approved quantities; the photos
 * (one to three) are the group's and count for every record of it.
 */
public record NewGroupHandover(List<Member> members, LocalDate handedOn, String place, String giverName, String giverPosition,
                               String giverOffice, String witnessName, String witnessPosition, Handover.Position position,
                               List<HandoverPhoto.Upload> photos, boolean keepPhotoPosition) {

    /** A proposal of the group, at the version the user saw. */
    public record Member(long proposalId, int proposalVersion) {
    }

    /** Why a member could not be handed over: its proposal, the person's name (when readable) and the message key. */
    public record Failure(long proposalId, String beneficiaryName, String key) {
    }

    /** The records made (one per member, numbered one after the other), or, when any member failed, none and the failures. */
    public record Outcome(List<Handover> recorded, List<Failure> failures) {
        public boolean done() {
            return failures.isEmpty();
        }
    }
}
