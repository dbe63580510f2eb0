package id.berdaya.monitoring.visit;

/** A visit's photo: the re-encoded image (no metadata) and its type. */
public record VisitPhoto(long id, long visitId, String contentType, byte[] content) {
}
