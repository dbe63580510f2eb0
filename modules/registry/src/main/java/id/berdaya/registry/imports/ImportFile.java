package id.berdaya.registry.imports;

import id.berdaya.core.RuleViolation;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an import file: decides its format from the content (never the file name), refuses what
 * is not a well-formed CSV (UTF-8, with or without BOM, separated by {@code ;} or {@code ,}) or
 * XLSX, guards against zip bombs, and yields the rows as values in {@link ImportColumn} order.
 * Every refusal is a {@link RuleViolation} with a message key for the user.
 */
final class ImportFile {

    static final long MAX_BYTES = 256L * 1024 * 1024;
    static final int MAX_ROWS = 1_000_000;
    /** An XLSX is refused when its parts inflate to more than this in total ... */
    static final long MAX_XLSX_UNCOMPRESSED = 1024L * 1024 * 1024;
    /** ... or when a part larger than 1 MB inflates more than this many times its compressed size. */
    static final int MAX_XLSX_RATIO = 100;
    static final int MAX_XLSX_ENTRIES = 1000;
    private static final int MAX_FIELD = 2000;
    private static final int COLUMNS = ImportColumn.values().length;

    enum Format { CSV, XLSX }

    /** Rows of the file, one call at a time; {@link #line()} is the line (row) of the last one, 1 being the header. */
    interface Rows extends AutoCloseable {
        /** The next row's values in {@link ImportColumn} order (null where empty), or null at the end. */
        String[] next();

        int line();

        @Override
        void close();
    }

    private ImportFile() {
    }

    /** The format by the first bytes, after the size checks; a zip is inspected for bombs before anyone reads it. */
    static Format sniff(Path file) {
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

    static Rows open(Path file, Format format) {
        return format == Format.CSV ? new CsvRows(file) : new XlsxRows(file);
    }

    /** Maps the header row to column positions; refuses missing, unknown or repeated columns. */
    private static int[] positions(List<String> header) {
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

    /** RFC 4180 CSV over a strict UTF-8 decoder; the separator is the one the header uses (; or ,). */
    static final class CsvRows implements Rows {
        private final Reader reader;
        private final char[] buf = new char[64 * 1024];
        private int pos;
        private int len;
        private final StringBuilder field = new StringBuilder(64);
        private final List<String> fields = new ArrayList<>(32);
        private char separator;
        private int[] positions;
        private int line;
        private int physicalLine = 1;

        CsvRows(Path file) {
            try {
                InputStream in = Files.newInputStream(file);
                reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                fill();
                if (len > 0 && buf[0] == '\uFEFF') {
                    pos = 1;
                }
                separator = detectSeparator();
                if (!readRecord()) {
                    throw new RuleViolation("file", "import.file.noHeader");
                }
                line = 1;
                positions = positions(fields);
            } catch (CharacterCodingException e) {
                closeQuietly();
                throw new RuleViolation("file", "import.file.encoding", 1);
            } catch (IOException e) {
                closeQuietly();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                closeQuietly();
                throw e;
            }
        }

        private Reader closeQuietly() {
            try {
                if (reader != null) {
                    reader.close();
                }
            } catch (IOException ignored) {
                // nothing to add to the refusal
            }
            return null;
        }

        private char detectSeparator() {
            int semicolons = 0;
            int commas = 0;
            boolean quoted = false;
            for (int i = pos; i < len; i++) {
                char c = buf[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted && c == ';') {
                    semicolons++;
                } else if (!quoted && c == ',') {
                    commas++;
                }
            }
            return semicolons >= commas && semicolons > 0 ? ';' : ',';
        }

        private boolean fill() throws IOException {
            len = reader.read(buf, 0, buf.length);
            pos = 0;
            if (len < 0) {
                len = 0;
                return false;
            }
            return true;
        }

        /** Reads one record into {@link #fields}; false at the end of the file. */
        private boolean readRecord() throws IOException {
            fields.clear();
            field.setLength(0);
            boolean quoted = false;
            boolean any = false;
            boolean afterQuote = false;
            while (true) {
                if (pos >= len && !fill()) {
                    if (quoted) {
                        throw new RuleViolation("file", "import.file.quote", physicalLine);
                    }
                    if (!any && field.isEmpty() && fields.isEmpty()) {
                        return false;
                    }
                    fields.add(field.toString());
                    return true;
                }
                char c = buf[pos++];
                any = true;
                if (quoted) {
                    if (c == '"') {
                        if (pos >= len && !fill()) {
                            quoted = false;
                            afterQuote = true;
                            continue;
                        }
                        if (buf[pos] == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                            afterQuote = true;
                        }
                    } else {
                        if (c == '\n') {
                            physicalLine++;
                        }
                        append(c);
                    }
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\n') {
                    physicalLine++;
                    fields.add(field.toString());
                    return true;
                } else if (c == '\r') {
                    // CRLF: the \n ends the record
                } else if (c == '"' && field.isEmpty() && !afterQuote) {
                    quoted = true;
                } else {
                    append(c);
                }
            }
        }

        private void append(char c) {
            if (field.length() >= MAX_FIELD) {
                throw new RuleViolation("file", "import.file.fieldTooLong", physicalLine);
            }
            field.append(c);
        }

        @Override
        public String[] next() {
            try {
                while (true) {
                    int startLine = physicalLine;
                    if (!readRecord()) {
                        return null;
                    }
                    line = startLine;
                    if (fields.size() == 1 && fields.getFirst().isBlank()) {
                        continue; // an empty line
                    }
                    if (line - 1 > MAX_ROWS) {
                        throw new RuleViolation("file", "import.file.tooManyRows", MAX_ROWS);
                    }
                    String[] row = new String[COLUMNS];
                    for (int c = 0; c < COLUMNS; c++) {
                        int p = positions[c];
                        String v = p < fields.size() ? fields.get(p).trim() : "";
                        row[c] = v.isEmpty() ? null : v;
                    }
                    return row;
                }
            } catch (CharacterCodingException e) {
                throw new RuleViolation("file", "import.file.encoding", physicalLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public void close() {
            closeQuietly();
        }
    }

    /** The first sheet of an XLSX (already checked against bombs), read as a stream of rows. */
    static final class XlsxRows implements Rows {
        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private final int[] positions;
        private int line;

        XlsxRows(Path file) {
            try {
                workbook = new ReadableWorkbook(file.toFile());
            } catch (IOException | RuntimeException e) {
                throw new RuleViolation("file", "import.file.unknownFormat");
            }
            try {
                stream = workbook.getFirstSheet().openStream();
                rows = stream.iterator();
                if (!rows.hasNext()) {
                    throw new RuleViolation("file", "import.file.noHeader");
                }
                Row header = rows.next();
                List<String> names = new ArrayList<>();
                for (int i = 0; i < header.getCellCount(); i++) {
                    names.add(text(header, i));
                }
                while (!names.isEmpty() && (names.getLast() == null || names.getLast().isBlank())) {
                    names.removeLast();
                }
                positions = positions(names);
                line = header.getRowNum();
            } catch (IOException e) {
                close();
                throw new RuleViolation("file", "import.file.unknownFormat");
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private static String text(Row row, int i) {
            if (i >= row.getCellCount()) {
                return null;
            }
            Cell cell = row.getCell(i);
            if (cell == null || cell.getType() == CellType.EMPTY) {
                return null;
            }
            String raw = cell.getRawValue();
            return raw == null ? null : raw.trim();
        }

        @Override
        public String[] next() {
            try {
                while (rows.hasNext()) {
                    Row r = rows.next();
                    line = r.getRowNum();
                    if (line - 1 > MAX_ROWS) {
                        throw new RuleViolation("file", "import.file.tooManyRows", MAX_ROWS);
                    }
                    String[] row = new String[COLUMNS];
                    boolean any = false;
                    for (int c = 0; c < COLUMNS; c++) {
                        String v;
                        Cell cell = positions[c] < r.getCellCount() ? r.getCell(positions[c]) : null;
                        if (cell == null || cell.getType() == CellType.EMPTY) {
                            v = null;
                        } else if (c == ImportColumn.BIRTH_DATE.ordinal() && cell.getType() == CellType.NUMBER) {
                            v = excelDate(cell.getRawValue());
                        } else if (cell.getType() == CellType.NUMBER) {
                            v = new java.math.BigDecimal(cell.getRawValue()).toPlainString();
                        } else {
                            v = cell.getRawValue() == null ? null : cell.getRawValue().trim();
                        }
                        if (v != null && v.length() > MAX_FIELD) {
                            throw new RuleViolation("file", "import.file.fieldTooLong", line);
                        }
                        row[c] = v == null || v.isEmpty() ? null : v;
                        any |= row[c] != null;
                    }
                    if (any) {
                        return row;
                    }
                }
                return null;
            } catch (RuleViolation e) {
                throw e;
            } catch (RuntimeException e) {
                throw new RuleViolation("file", "import.file.unreadable", line);
            }
        }

        /** An Excel date serial (1900 system) as ISO date text. */
        private static String excelDate(String raw) {
            try {
                long days = (long) Math.floor(Double.parseDouble(raw));
                return LocalDate.of(1899, 12, 30).plusDays(days).toString();
            } catch (RuntimeException e) {
                return raw;
            }
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public void close() {
            try {
                if (stream != null) {
                    stream.close();
                }
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a file we only read
            }
        }
    }
}
