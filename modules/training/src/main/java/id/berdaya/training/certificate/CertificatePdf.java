package id.berdaya.training.certificate;

import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.pdf.PdfText;
import id.berdaya.core.pdf.QrImage;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.Rectangle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Renders certificates as PDF (A4 landscape, Indonesian) with OpenPDF, one page each, with a QR
 * code (ZXing) that points to the public check {@code <public-url>/verifikasi/<code>}.
 */
@Component
class CertificatePdf {

    private static final Color INK = new Color(0x1F, 0x3A, 0x5F);
    private final String publicUrl;

    CertificatePdf(@Value("${berdaya.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The address the QR code of a certificate points to. */
    String verificationUrl(String code) {
        return publicUrl + "/verifikasi/" + code;
    }

    /** One PDF with a page for each certificate, in the given order. */
    byte[] render(List<Certificate> certificates) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 56, 56, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Sertifikat Pelatihan");
            doc.addCreator("Berdaya");
            doc.open();
            boolean first = true;
            for (Certificate c : certificates) {
                if (!first) {
                    doc.newPage();
                }
                first = false;
                page(doc, c);
            }
            if (certificates.isEmpty()) {
                doc.add(new Paragraph("Belum ada sertifikat.", font(FontFactory.HELVETICA, 14)));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("certificate PDF", e);
        }
        return out.toByteArray();
    }

    private void page(Document doc, Certificate c) throws DocumentException {
        doc.add(PdfText.centered("PEMERINTAH PROVINSI JAWA TENGAH", font(FontFactory.HELVETICA_BOLD, 14), 0));
        doc.add(PdfText.centered("DINAS SOSIAL", font(FontFactory.HELVETICA_BOLD, 14), 0));
        doc.add(PdfText.centered("SERTIFIKAT", font(FontFactory.TIMES_BOLD, 40), 18));
        doc.add(PdfText.centered("Nomor: " + c.number(), font(FontFactory.HELVETICA, 12), 2));
        doc.add(PdfText.centered("diberikan kepada", font(FontFactory.HELVETICA, 14), 20));
        doc.add(PdfText.centered(c.holderName(), font(FontFactory.TIMES_BOLD, 30), 6));
        doc.add(PdfText.centered("atas keberhasilannya menyelesaikan pelatihan", font(FontFactory.HELVETICA, 14), 14));
        doc.add(PdfText.centered(c.publicTitle(), font(FontFactory.HELVETICA_BOLD, 18), 4));
        String dates = c.startDate().equals(c.endDate()) ? IndonesianFormat.longDate(c.startDate())
                : IndonesianFormat.longDate(c.startDate()) + " s.d. " + IndonesianFormat.longDate(c.endDate());
        doc.add(PdfText.centered("yang diselenggarakan pada " + dates + " di " + c.venue() + ", " + c.issuerName() + ".",
                font(FontFactory.HELVETICA, 13), 4));

        PdfPTable foot = new PdfPTable(new float[] {1, 1.4f, 1.6f});
        foot.setWidthPercentage(100);
        foot.setSpacingBefore(22);
        foot.addCell(QrImage.cell(verificationUrl(c.code()), 110));
        PdfPCell note = new PdfPCell(new Paragraph("Pindai kode QR untuk memeriksa keaslian sertifikat ini:\n"
                + verificationUrl(c.code()), font(FontFactory.HELVETICA, 8)));
        note.setBorder(Rectangle.NO_BORDER);
        note.setVerticalAlignment(Element.ALIGN_BOTTOM);
        foot.addCell(note);
        String issued = IndonesianFormat.longDate(c.issuedAt().atZone(IndonesianFormat.WIB).toLocalDate());
        Paragraph sign = new Paragraph(c.issuerName() + ", " + issued + "\n"
                + (c.signatoryPosition() == null ? "Kepala Dinas Sosial" : c.signatoryPosition()) + "\n\n\n\n"
                + (c.signatoryName() == null ? "" : c.signatoryName()), font(FontFactory.HELVETICA, 12));
        sign.setAlignment(Element.ALIGN_CENTER);
        PdfPCell signCell = new PdfPCell(sign);
        signCell.setBorder(Rectangle.NO_BORDER);
        signCell.setHorizontalAlignment(Element.ALIGN_CENTER);
        foot.addCell(signCell);
        doc.add(foot);
    }

    private static Font font(String name, float size) {
        Font f = FontFactory.getFont(name, size);
        f.setColor(INK);
        return f;
    }
}
