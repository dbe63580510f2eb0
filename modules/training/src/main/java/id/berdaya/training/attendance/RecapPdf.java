package id.berdaya.training.attendance;

import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/**
 * The attendance recap as a PDF (OpenPDF), A4 landscape: a row per enrolled participant, a column
 * per session (its date and start time), each row's share of sessions attended, and a legend.
 */
final class RecapPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    private RecapPdf() {
    }

    static byte[] render(TrainingEvent e, AttendanceRecap recap, RecapWords words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
        Font text = FontFactory.getFont(FontFactory.HELVETICA, 8);
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(words.title());
            doc.open();
            Paragraph t = new Paragraph(words.title(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph sub = new Paragraph(e.publicTitle(), text);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(8);
            doc.add(sub);
            int n = recap.sessions().size();
            float[] widths = new float[n + 3];
            widths[0] = 0.8f;
            widths[1] = 6f;
            for (int i = 0; i < n; i++) {
                widths[i + 2] = 1.2f;
            }
            widths[n + 2] = 1.6f;
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.addCell(cell("No.", head));
            table.addCell(cell(words.name(), head));
            for (TrainingSession s : recap.sessions()) {
                table.addCell(cell(s.date().format(DAY) + "\n" + s.startTime(), head));
            }
            table.addCell(cell(words.share(), head));
            int no = 1;
            for (AttendanceRecap.Row r : recap.rows()) {
                table.addCell(cell(String.valueOf(no++), text));
                PdfPCell name = new PdfPCell(new Phrase(r.participant().fullName(), text));
                name.setPadding(3);
                table.addCell(name);
                for (AttendanceState st : r.states()) {
                    table.addCell(cell(st == null ? "" : words.marks().getOrDefault(st, st.name()), text));
                }
                table.addCell(cell(r.attendedPct().toPlainString() + " %", text));
            }
            doc.add(table);
            Paragraph legend = new Paragraph(words.legend(), text);
            legend.setSpacingBefore(6);
            doc.add(legend);
            doc.close();
        } catch (DocumentException ex) {
            throw new IllegalStateException("attendance recap PDF", ex);
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(value, font));
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(3);
        return c;
    }
}
