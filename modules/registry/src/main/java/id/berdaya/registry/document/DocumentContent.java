package id.berdaya.registry.document;

/** A document's bytes for download. */
public record DocumentContent(String fileName, String contentType, byte[] content) {
}
