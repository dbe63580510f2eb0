package id.berdaya.registry.imports;

import id.berdaya.registry.imports.file.ImportColumn;
import id.berdaya.registry.registration.NewBeneficiary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Builds import files from synthetic registrations, for the registry's and the UI's tests. */
public final class ImportCsv {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final List<String> lines = new ArrayList<>();
    private final String separator;

    public ImportCsv(String separator) {
        this.separator = separator;
        lines.add(String.join(separator, ImportColumn.headers()));
    }

    public ImportCsv() {
        this(";");
    }

    /** A row as the form would submit it; the category by its Permensos number (the seeded ids equal the numbers). */
    public ImportCsv row(NewBeneficiary n) {
        return raw(n.nik(), n.kkNumber(), n.fullName(), n.nickname(), n.sex() == null ? null : n.sex().name(), n.birthPlace(),
                n.birthDate() == null ? null : DMY.format(n.birthDate()), n.kabkotaCode(), n.kecamatanCode(), n.desaCode(), n.rt(),
                n.rw(), n.street(), n.phone(), n.maritalStatus(), n.education(), n.occupation(),
                n.categoryId() == null ? null : String.valueOf(n.categoryId()), n.referralSource(),
                n.legalBasis() == null ? null : n.legalBasis().name(), n.sensitiveNotes());
    }

    /** A row of raw values in template order (null: empty). */
    public ImportCsv raw(String... values) {
        List<String> cells = new ArrayList<>();
        for (String v : values) {
            String s = v == null ? "" : v;
            if (s.contains(separator) || s.contains("\"") || s.contains("\n")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            cells.add(s);
        }
        lines.add(String.join(separator, cells));
        return this;
    }

    /** Waits (up to a minute) until the import's background commit has finished, and answers the batch. */
    public static ImportBatch await(ImportService importer, long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportBatch b = importer.batch(id).orElseThrow();
            if (!b.running()) {
                return b;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " still running");
    }

    public String text() {
        return String.join("\r\n", lines) + "\r\n";
    }

    public Path write(Path dir, String name, boolean bom) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            byte[] body = text().getBytes(StandardCharsets.UTF_8);
            if (bom) {
                byte[] withBom = new byte[body.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(body, 0, withBom, 3, body.length);
                body = withBom;
            }
            Files.write(p, body);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
