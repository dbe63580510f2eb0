package id.berdaya.training.signin;

/** A signed sign-in sheet's bytes for download, with the content type found in them. */
public record SignedSheetFile(String fileName, String contentType, byte[] content) {
}
