package id.berdaya.grants.handover;

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
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

/**
 * Renders a handover record as the usual Indonesian BAST (A4 portrait) with OpenPDF: heading,
 * opening sentence with the date in words, Pihak Pertama and Pihak Kedua, the table of goods (Nama
 * Barang, Volume, Satuan), the signature blocks (Pihak Kedua, Pihak Pertama, Mengetahui), and the
 * seal printed short beside a QR code to {@code <public-url>/verifikasi/bast/<code>}. Nothing of the
 * register but the receiving person's name: no category, no NIK.
 */
@Component
class HandoverPdf {

    private final String publicUrl;

    HandoverPdf(@Value("${berdaya.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The address the QR code of a handover record points to. */
    String verificationUrl(String code) {
        return publicUrl + "/verifikasi/bast/" + code;
    }

    byte[] render(Handover h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 32, 28);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Berita Acara Serah Terima " + h.number());
            doc.addCreator("Berdaya");
            doc.open();
            doc.add(PdfText.centered("PEMERINTAH PROVINSI JAWA TENGAH", bold(12), 0));
            doc.add(PdfText.centered("DINAS SOSIAL", bold(12), 0));
            doc.add(PdfText.centered("BERITA ACARA SERAH TERIMA BANTUAN STIMULAN USAHA", bold(13), 14));
            doc.add(PdfText.centered("Nomor: " + h.number(), plain(11), 2));
            doc.add(text(opening(h.handedOn(), h.place()), 14));
            doc.add(party("1.", h.giverName(), "Jabatan", h.giverPosition(), "Instansi", h.giverOffice()));
            doc.add(text("selanjutnya disebut PIHAK PERTAMA (Yang Menyerahkan).", 2));
            doc.add(party("2.", h.receiverName(), "Kedudukan", "Penerima Bantuan Stimulan Usaha", "Kabupaten/Kota",
                    h.issuerName()));
            doc.add(text("selanjutnya disebut PIHAK KEDUA (Yang Menerima).", 2));
            doc.add(text("PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA, "
                    + "bantuan stimulan usaha berupa barang sebagai berikut:", 10));
            doc.add(goods(h));
            doc.add(text("Barang tersebut diterima dalam keadaan baik dan menjadi tanggung jawab PIHAK KEDUA untuk "
                    + "dipergunakan bagi usahanya. Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
                    + "sebagaimana mestinya.", 10));
            doc.add(signatures(h));
            doc.add(seal(h));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("handover PDF", e);
        }
        return out.toByteArray();
    }

    /** "Pada hari ini Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam (03/12/2026), bertempat di …". */
    static String opening(LocalDate d, String place) {
        return "Pada hari ini " + IndonesianFormat.dayName(d) + " tanggal " + IndonesianFormat.words(d.getDayOfMonth())
                + " bulan " + IndonesianFormat.monthName(d.getMonthValue()) + " tahun " + IndonesianFormat.words(d.getYear())
                + " (" + IndonesianFormat.date(d) + "), bertempat di " + place + ", kami yang bertanda tangan di bawah ini:";
    }

    private static PdfPTable party(String no, String name, String label2, String value2, String label3, String value3) {
        PdfPTable t = new PdfPTable(new float[] {0.5f, 2.5f, 0.3f, 8});
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        String[][] rows = {{no, "Nama", name}, {"", label2, value2}, {"", label3, value3}};
        for (String[] r : rows) {
            t.addCell(cell(r[0], plain(11), false));
            t.addCell(cell(r[1], plain(11), false));
            t.addCell(cell(":", plain(11), false));
            t.addCell(cell(r[2], r[1].equals("Nama") ? bold(11) : plain(11), false));
        }
        return t;
    }

    private static PdfPTable goods(Handover h) {
        PdfPTable t = new PdfPTable(new float[] {0.6f, 5, 1.3f, 1.3f, 4});
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        for (String head : new String[] {"No", "Nama Barang", "Volume", "Satuan", "Keterangan"}) {
            t.addCell(cell(head, bold(10), true));
        }
        int no = 1;
        for (HandoverItem i : h.items()) {
            t.addCell(cell(String.valueOf(no++), plain(10), true));
            t.addCell(cell(i.name(), plain(10), true));
            t.addCell(cell(String.valueOf(i.quantity()), plain(10), true));
            t.addCell(cell(i.unit(), plain(10), true));
            t.addCell(cell(i.reason() == null ? "" : "Disetujui " + i.approvedQuantity() + " " + i.unit() + "; " + i.reason(),
                    plain(9), true));
        }
        return t;
    }

    private static PdfPTable signatures(Handover h) {
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.setSpacingBefore(12);
        t.addCell(sign("\nPIHAK KEDUA\nYang Menerima", h.receiverName(), null));
        t.addCell(sign(h.issuerName() + ", " + IndonesianFormat.longDate(h.handedOn()) + "\nPIHAK PERTAMA\nYang Menyerahkan",
                h.giverName(), h.giverPosition()));
        PdfPCell witness = sign("Mengetahui,\n" + h.witnessPosition(), h.witnessName(), null);
        witness.setColspan(2);
        t.addCell(witness);
        return t;
    }

    private static PdfPCell sign(String heading, String name, String position) {
        Paragraph p = new Paragraph(heading + "\n\n\n", plain(11));
        p.add(new Phrase(name, bold(11)));
        if (position != null) {
            p.add(new Phrase("\n" + position, plain(10)));
        }
        p.setAlignment(Element.ALIGN_CENTER);
        PdfPCell c = new PdfPCell();
        c.addElement(p);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingBottom(6);
        return c;
    }

    private PdfPTable seal(Handover h) {
        PdfPTable t = new PdfPTable(new float[] {1, 4});
        t.setWidthPercentage(100);
        t.setSpacingBefore(8);
        t.addCell(QrImage.cell(verificationUrl(h.code()), 80));
        PdfPCell note = cell("Segel dokumen (SHA-256): " + h.shortSeal() + "\nPindai kode QR untuk memeriksa keaslian berita acara ini:\n"
                + verificationUrl(h.code()), plain(8), false);
        note.setVerticalAlignment(Element.ALIGN_MIDDLE);
        t.addCell(note);
        return t;
    }

    private static PdfPCell cell(String text, Font font, boolean border) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        if (!border) {
            c.setBorder(Rectangle.NO_BORDER);
        }
        c.setPadding(3);
        return c;
    }

    private static Paragraph text(String text, float spacingBefore) {
        Paragraph p = new Paragraph(text, plain(11));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingBefore(spacingBefore);
        return p;
    }

    private static Font plain(float size) {
        return FontFactory.getFont(FontFactory.HELVETICA, size);
    }

    private static Font bold(float size) {
        return FontFactory.getFont(FontFactory.HELVETICA_BOLD, size);
    }
}
