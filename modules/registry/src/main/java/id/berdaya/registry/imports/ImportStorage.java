package id.berdaya.registry.imports;

import id.berdaya.registry.imports.file.ImportFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import id.berdaya.core.RuleViolation;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Where uploaded import files live: the private imports directory (owner-only, it holds personal
 * data), one file per previewed batch until it is committed, discarded or expired.
 */
@Component
class ImportStorage {

    private static final Logger log = LoggerFactory.getLogger(ImportStorage.class);
    private final Path directory;

    ImportStorage(@Value("${berdaya.home:${user.home}/.berdaya}") String home) {
        this.directory = Path.of(home, "imports");
    }

    /** Copies the upload into the import directory (owner-only: it holds personal data). */
    Path store(Path upload) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            long size = Files.size(upload);
            if (size > ImportFile.MAX_BYTES) {
                throw new RuleViolation("file", "import.file.tooLarge", ImportFile.MAX_BYTES / (1024 * 1024));
            }
            Path target = directory.resolve("upload-" + UUID.randomUUID());
            Files.copy(upload, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(long batchId) {
        return directory.resolve("batch-" + batchId);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cleanName(String fileName) {
        String base = fileName == null ? "impor" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        if (base.isBlank()) {
            base = "impor";
        }
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", p, e.toString());
        }
    }
}
