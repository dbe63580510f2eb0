package id.berdaya.monitoring.report;

import id.berdaya.core.pdf.PdfText;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.Scorecard;
import id.berdaya.monitoring.scorecard.ScorecardRow;
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

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as a PDF (OpenPDF), A4 landscape in the house style of the training recap: the title,
 * the place, then two tables: what happened in the period, and the state as of a day.
 */
final class ReportPdf {

    private ReportPdf() {
    }

    static void render(Scorecard period, Scorecard state, ReportWords words, OutputStream out) {
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        Font text = FontFactory.getFont(FontFactory.HELVETICA, 7);
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(words.title());
            doc.open();
            doc.add(PdfText.centered(words.title(), title, 0));
            Paragraph place = PdfText.centered(words.place(), text, 0);
            place.setSpacingAfter(8);
            doc.add(place);
            section(doc, words.periodHeading(), period, words, heading, head, text);
            section(doc, words.stateHeading(), state, words, heading, head, text);
            if (words.footnote() != null && !words.footnote().isBlank()) {
                Paragraph note = new Paragraph(words.footnote(), text);
                note.setSpacingBefore(6);
                doc.add(note);
            }
            doc.close();
        } catch (DocumentException ex) {
            throw new IllegalStateException("report PDF", ex);
        }
    }

    private static void section(Document doc, String title, Scorecard card, ReportWords words, Font heading, Font head, Font text) {
        Paragraph h = new Paragraph(title, heading);
        h.setSpacingBefore(6);
        h.setSpacingAfter(4);
        doc.add(h);
        List<Indicator> columns = card.available();
        float[] widths = new float[columns.size() + 2];
        widths[0] = 1.4f;
        widths[1] = 4f;
        for (int i = 0; i < columns.size(); i++) {
            widths[i + 2] = 1.4f;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(cell(words.codeHeader(), head, Element.ALIGN_CENTER));
        table.addCell(cell(words.nameHeader(), head, Element.ALIGN_CENTER));
        for (Indicator i : columns) {
            table.addCell(cell(words.columns().getOrDefault(i, i.name()), head, Element.ALIGN_CENTER));
        }
        List<ScorecardRow> rows = new ArrayList<>(card.rows());
        rows.add(card.total());
        for (ScorecardRow r : rows) {
            boolean total = r == card.total();
            table.addCell(cell(total || r.code() == null ? "" : r.code(), total ? head : text, Element.ALIGN_LEFT));
            table.addCell(cell(total ? words.totalLabel() : r.name(), total ? head : text, Element.ALIGN_LEFT));
            for (Indicator i : columns) {
                table.addCell(cell(r.cell(i).text(i), total ? head : text, Element.ALIGN_RIGHT));
            }
        }
        doc.add(table);
    }

    private static PdfPCell cell(String value, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(value == null ? "" : value, font));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(2);
        return c;
    }
}
