package id.berdaya.registry.imports.file;

import id.berdaya.core.RuleViolation;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static id.berdaya.registry.imports.file.ImportFile.MAX_ROWS;
import static id.berdaya.registry.imports.file.ImportFile.MAX_FIELD;
import static id.berdaya.registry.imports.file.ImportFile.COLUMNS;
import static id.berdaya.registry.imports.file.ImportFile.positions;

/** The first sheet of an XLSX (already checked against bombs), read as a stream of rows. */
final class XlsxRows implements ImportFile.Rows {
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
