package id.berdaya.training.signin;

import java.time.Instant;

/** A signed sign-in sheet (daftar hadir) of a session, scanned and uploaded: its description, without the content. */
public record SignedSheet(long id, long sessionId, String fileName, String contentType, int sizeBytes, String sha256,
                          String uploadedBy, Instant uploadedAt) {
}
