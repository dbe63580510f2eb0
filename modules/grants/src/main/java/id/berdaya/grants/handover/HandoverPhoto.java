package id.berdaya.grants.handover;

import java.time.LocalDateTime;

/**
 * A photo of a handover (JPEG or PNG, re-encoded without any metadata), without its bytes: its
 * SHA-256 (part of the seal), the capture time read from its EXIF (as the camera wrote it, local
 * time) and the camera's position, kept only when the operator agreed. {@code groupPhoto} when it
 * belongs to the group handover the record was made in.
 */
public record HandoverPhoto(long id, String contentType, int width, int height, int sizeBytes, String sha256,
                            LocalDateTime takenAt, Handover.Position position, boolean groupPhoto) {

    /** A photo as uploaded, before it is checked and cleaned. */
    public record Upload(String fileName, byte[] content) {
    }

    /** A stored photo's bytes for display. */
    public record File(String contentType, byte[] content) {
    }
}
