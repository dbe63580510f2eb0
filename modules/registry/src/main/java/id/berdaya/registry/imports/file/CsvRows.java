package id.berdaya.registry.imports.file;

import id.berdaya.core.RuleViolation;

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
import java.util.ArrayList;
import java.util.List;

import static id.berdaya.registry.imports.file.ImportFile.MAX_ROWS;
import static id.berdaya.registry.imports.file.ImportFile.MAX_FIELD;
import static id.berdaya.registry.imports.file.ImportFile.COLUMNS;
import static id.berdaya.registry.imports.file.ImportFile.positions;

/** RFC 4180 CSV over a strict UTF-8 decoder; the separator is the one the header uses (; or ,). */
final class CsvRows implements ImportFile.Rows {
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
