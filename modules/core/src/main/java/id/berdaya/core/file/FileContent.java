package id.berdaya.core.file;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an uploaded file really is, by its first bytes (never by its name or the browser's word),
 * and its checksum: for the services that store scans and documents.
 */
public final class FileContent {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    private FileContent() {
    }

    /** The content type by magic bytes: PDF, JPEG or PNG; null for anything else. */
    public static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return PDF;
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return PNG;
        }
        return null;
    }

    /** The file name extension of a sniffed content type. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case PDF -> ".pdf";
            case JPEG -> ".jpg";
            default -> ".png";
        };
    }

    /** The SHA-256 of the content, hexadecimal. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A safe file name without extension: no path, no control or odd characters, at most 150 characters; {@code fallback} when nothing is left. */
    public static String safeName(String fileName, String fallback) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_")
                .replaceAll("\\.[^.]*$", "");
        base = base.isBlank() ? fallback : base;
        return base.length() > 150 ? base.substring(0, 150) : base;
    }
}
