package id.berdaya.training.partner;

/** The signed agreement's bytes for download. */
public record MouFile(String fileName, byte[] content) {
}
