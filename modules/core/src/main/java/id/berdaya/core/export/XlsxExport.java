package id.berdaya.core.export;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A streamed XLSX sheet: a bold header row, then rows written as they come and flushed in
 * chunks, so an export of a million rows does not hold them in memory.
 */
public final class XlsxExport implements AutoCloseable {

    private static final int FLUSH_EVERY = 1000;
    private final Workbook workbook;
    private Worksheet sheet;
    private int row;

    public XlsxExport(OutputStream out, String sheetName, List<String> headers) {
        this.workbook = new Workbook(out, "Berdaya", "1.0");
        start(sheetName, headers);
    }

    public XlsxExport(OutputStream out, XlsxSheet sheet) {
        this(out, sheet.name(), sheet.headers());
    }

    /** Ends the current sheet and starts the next one with its own header row. */
    public void nextSheet(XlsxSheet next) {
        try {
            sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start(next.name(), next.headers());
    }

    private void start(String sheetName, List<String> headers) {
        sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        row = 1;
    }

    /** Appends one row; values are written as text or numbers. */
    public void row(Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                sheet.value(row, c, n);
            } else if (v != null) {
                sheet.value(row, c, String.valueOf(v));
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
