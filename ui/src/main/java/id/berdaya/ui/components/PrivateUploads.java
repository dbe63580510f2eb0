package id.berdaya.ui.components;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/** Writes an upload into a private directory (owner only), never the shared temporary one. */
public final class PrivateUploads {

    private PrivateUploads() {
    }

    /** The body as a new owner-only file in {@code directory} (created owner-only if missing). */
    public static Path receive(Path directory, InputStream body) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path file = Files.createFile(directory.resolve("upload-" + UUID.randomUUID()),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            body.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }
}
