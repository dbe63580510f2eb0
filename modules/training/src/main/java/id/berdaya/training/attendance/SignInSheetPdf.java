package id.berdaya.training.attendance;

import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.training.enrolment.Participant;
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
import java.util.List;

/** The printable sign-in sheet (daftar hadir) of one session, A4 portrait, with a signature column (OpenPDF). */
final class SignInSheetPdf {

    private SignInSheetPdf() {
    }

    static byte[] render(TrainingEvent e, TrainingSession s, List<Participant> participants) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 40, 40);
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font text = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Daftar Hadir");
            doc.open();
            Paragraph t = new Paragraph("DAFTAR HADIR", title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph sub = new Paragraph(e.publicTitle(), head);
            sub.setAlignment(Element.ALIGN_CENTER);
            doc.add(sub);
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph("Hari/tanggal: " + IndonesianFormat.longDate(s.date()) + ", pukul " + s.startTime() + "–" + s.endTime()
                    + " WIB", text));
            doc.add(new Paragraph("Materi: " + s.topic(), text));
            doc.add(new Paragraph("Tempat: " + (s.place() == null ? e.venue() : s.place()), text));
            if (s.facilitatorName() != null) {
                doc.add(new Paragraph("Fasilitator: " + s.facilitatorName()
                        + (s.facilitatorPosition() == null ? "" : " (" + s.facilitatorPosition() + ")"), text));
            }
            PdfPTable table = new PdfPTable(new float[] {0.6f, 5f, 3.4f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(12);
            table.setHeaderRows(1);
            for (String h : List.of("No.", "Nama", "Tanda Tangan")) {
                PdfPCell c = new PdfPCell(new Phrase(h, head));
                c.setHorizontalAlignment(Element.ALIGN_CENTER);
                c.setPadding(5);
                table.addCell(c);
            }
            int no = 1;
            for (Participant p : participants) {
                PdfPCell n = new PdfPCell(new Phrase(String.valueOf(no), text));
                n.setHorizontalAlignment(Element.ALIGN_CENTER);
                n.setMinimumHeight(26);
                table.addCell(n);
                table.addCell(new PdfPCell(new Phrase(p.fullName(), text)));
                table.addCell(new PdfPCell(new Phrase(no % 2 == 1 ? no + "." : "      " + no + ".", text)));
                no++;
            }
            doc.add(table);
            doc.close();
        } catch (DocumentException ex) {
            throw new IllegalStateException("sign-in sheet PDF", ex);
        }
        return out.toByteArray();
    }
}
