package id.berdaya.registry.imports.file;

import id.berdaya.core.RuleViolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an import file: decides its format from the content (never the file name), refuses what
 * is not a well-formed CSV (UTF-8, with or without BOM, separated by {@code ;} or {@code ,}) or
 * XLSX, guards against zip bombs, and yields the rows as values in {@link ImportColumn} order.
 * Every refusal is a {@link RuleViolation} with a message key for the user.
 */
public final class ImportFile {

    public static final long MAX_BYTES = 256L * 1024 * 1024;
    static final int MAX_ROWS = 1_000_000;
    /** An XLSX is refused when its parts inflate to more than this in total ... */
    static final long MAX_XLSX_UNCOMPRESSED = 1024L * 1024 * 1024;
    /** ... or when a part larger than 1 MB inflates more than this many times its compressed size. */
    static final int MAX_XLSX_RATIO = 100;
    static final int MAX_XLSX_ENTRIES = 1000;
    static final int MAX_FIELD = 2000;
    static final int COLUMNS = ImportColumn.values().length;

    public enum Format { CSV, XLSX }

    /** Rows of the file, one call at a time; {@link #line()} is the line (row) of the last one, 1 being the header. */
    public interface Rows extends AutoCloseable {
        /** The next row's values in {@link ImportColumn} order (null where empty), or null at the end. */
        String[] next();

        int line();

        @Override
        void close();
    }

    private ImportFile() {
    }

    /** The format by the first bytes, after the size checks; a zip is inspected for bombs before anyone reads it. */
    public static Format sniff(Path file) {
        long size;
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw new RuleViolation("file", "import.file.empty");
        }
        if (size > MAX_BYTES) {
            throw new RuleViolation("file", "import.file.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            checkZip(file);
            return Format.XLSX;
        }
        if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
            throw new RuleViolation("file", "import.file.oldExcel");
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            throw new RuleViolation("file", "import.file.unknownFormat");
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) { // text has no NUL bytes in its first 8 KB; binary files do
                throw new RuleViolation("file", "import.file.unknownFormat");
            }
        }
        return Format.CSV;
    }

    /** Inflates every part once, counting, so that declared sizes cannot lie: refuses bombs and non-XLSX zips. */
    private static void checkZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            int entries = 0;
            boolean workbook = false;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++entries > MAX_XLSX_ENTRIES) {
                    throw new RuleViolation("file", "import.file.zipBomb");
                }
                workbook |= entry.getName().equals("xl/workbook.xml");
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int r;
                    while ((r = in.read(buffer)) > 0) {
                        inflated += r;
                        total += r;
                        if (total > MAX_XLSX_UNCOMPRESSED || (inflated > 1024 * 1024 && inflated / compressed > MAX_XLSX_RATIO)) {
                            throw new RuleViolation("file", "import.file.zipBomb");
                        }
                    }
                }
            }
            if (!workbook) {
                throw new RuleViolation("file", "import.file.unknownFormat");
            }
        } catch (ZipException e) {
            throw new RuleViolation("file", "import.file.unknownFormat");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Rows open(Path file, Format format) {
        return format == Format.CSV ? new CsvRows(file) : new XlsxRows(file);
    }

    /** Maps the header row to column positions; refuses missing, unknown or repeated columns. */
    public static int[] positions(List<String> header) {
        Map<String, ImportColumn> byName = new HashMap<>();
        for (ImportColumn c : ImportColumn.values()) {
            byName.put(c.header(), c);
        }
        int[] positions = new int[COLUMNS];
        Arrays.fill(positions, -1);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).trim().toLowerCase(Locale.ROOT);
            if (h.isEmpty() && i == header.size() - 1) {
                continue; // a trailing separator
            }
            ImportColumn c = byName.get(h);
            if (c == null) {
                unknown.add(h.length() > 40 ? h.substring(0, 40) + "…" : h);
            } else if (positions[c.ordinal()] >= 0) {
                throw new RuleViolation("file", "import.file.repeatedColumn", c.header());
            } else {
                positions[c.ordinal()] = i;
            }
        }
        List<String> missing = Arrays.stream(ImportColumn.values()).filter(c -> positions[c.ordinal()] < 0).map(ImportColumn::header).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new RuleViolation("file", "import.file.columns", String.join(", ", missing), String.join(", ", unknown));
        }
        return positions;
    }

}
