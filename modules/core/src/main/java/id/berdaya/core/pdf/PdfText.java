package id.berdaya.core.pdf;

import org.openpdf.text.Element;
import org.openpdf.text.Font;
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
}
