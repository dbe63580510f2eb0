package id.berdaya.registry.document;

import java.time.Instant;

/** A stored document, without its content. */
public record DocumentInfo(long id, long beneficiaryId, DocumentType type, String fileName, String contentType,
                           int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
}
