package id.berdaya.grants.handover.scan;

import java.time.Instant;

/** A signed scan of a handover record (PDF, JPEG or PNG by its content), kept beside the generated PDF, without its bytes. */
public record HandoverScan(long id, long handoverId, String fileName, String contentType, int sizeBytes, String sha256,
                           String uploadedBy, Instant uploadedAt) {

    /** A scan's bytes for download, with the content type found in them. */
    public record File(String fileName, String contentType, byte[] content) {
    }
}
