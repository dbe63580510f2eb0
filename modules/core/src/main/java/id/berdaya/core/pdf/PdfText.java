package id.berdaya.core.pdf;

import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.Paragraph;

/** Small OpenPDF layout helpers shared by the printed records (certificates, handover records). */
public final class PdfText {

    private PdfText() {
    }

    /** A centred paragraph with space before it (points). */
    public static Paragraph centered(String text, Font font, float spacingBefore) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(spacingBefore);
        return p;
    }

    /** Helvetica of this size. */
    public static Font plain(float size) {
        return FontFactory.getFont(FontFactory.HELVETICA, size);
    }

    /** Helvetica bold of this size. */
    public static Font bold(float size) {
        return FontFactory.getFont(FontFactory.HELVETICA_BOLD, size);
    }

    /** A table cell of text with 3 points of padding, with or without its border. */
    public static PdfPCell cell(String text, Font font, boolean border) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        if (!border) {
            c.setBorder(Rectangle.NO_BORDER);
        }
        c.setPadding(3);
        return c;
    }
}
