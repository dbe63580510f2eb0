package id.berdaya.grants.decree;

import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.pdf.PdfText;

import id.berdaya.grants.proposal.BusinessType;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

import static id.berdaya.core.pdf.PdfText.bold;
import static id.berdaya.core.pdf.PdfText.cell;
import static id.berdaya.core.pdf.PdfText.plain;

/**
 * Renders the attachment to the decree (A4 portrait, OpenPDF): the heading "LAMPIRAN KEPUTUSAN
 * KEPALA DINAS SOSIAL PROVINSI JAWA TENGAH" with blanks for the decree's number and date, the
 * subject with the kabupaten/kota and the budget year, the table (No, Nama, Desa/Kelurahan, Jenis
 * Usaha, Nilai) with its header repeated on every page and the total, and the signature block.
 */
final class DecreePdf {

    private DecreePdf() {
    }

    static void render(DecreeAttachment a, Map<BusinessType, String> typeLabels, OutputStream out) {
        Document doc = new Document(PageSize.A4, 48, 48, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Lampiran Keputusan: penerima bantuan stimulan usaha " + a.kabkotaName() + " " + a.budgetYear());
            doc.addCreator("Berdaya");
            doc.open();
            doc.add(heading());
            doc.add(PdfText.centered("DAFTAR PENERIMA BANTUAN STIMULAN USAHA", bold(12), 14));
            doc.add(PdfText.centered(a.kabkotaName().toUpperCase(Locale.ROOT) + " TAHUN ANGGARAN " + a.budgetYear(), bold(12), 0));
            doc.add(table(a, typeLabels));
            doc.add(signature());
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("decree attachment PDF", e);
        }
    }

    /** The attachment's heading, right-aligned as is usual: which decree, its number and date left blank for the secretariat. */
    private static PdfPTable heading() {
        PdfPTable t = new PdfPTable(new float[] {2.2f, 0.3f, 5});
        t.setWidthPercentage(55);
        t.setHorizontalAlignment(Element.ALIGN_RIGHT);
        PdfPCell title = cell("LAMPIRAN KEPUTUSAN KEPALA DINAS SOSIAL PROVINSI JAWA TENGAH", bold(10), false);
        title.setColspan(3);
        t.addCell(title);
        for (String[] r : new String[][] {{"NOMOR", "...................................."},
                {"TANGGAL", "...................................."},
                {"TENTANG", "PENERIMA BANTUAN STIMULAN USAHA BAGI PENERIMA MANFAAT REHABILITASI SOSIAL"}}) {
            t.addCell(cell(r[0], plain(10), false));
            t.addCell(cell(":", plain(10), false));
            t.addCell(cell(r[1], plain(10), false));
        }
        return t;
    }

    private static PdfPTable table(DecreeAttachment a, Map<BusinessType, String> typeLabels) {
        PdfPTable t = new PdfPTable(new float[] {0.7f, 4.2f, 3, 3, 2.6f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(10);
        t.setHeaderRows(1);
        for (String head : new String[] {"No", "Nama", "Desa/Kelurahan", "Jenis Usaha", "Nilai"}) {
            PdfPCell c = cell(head, bold(10), true);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.addCell(c);
        }
        for (DecreeRecipient r : a.recipients()) {
            PdfPCell no = cell(String.valueOf(r.no()), plain(10), true);
            no.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.addCell(no);
            t.addCell(cell(r.name(), plain(10), true));
            t.addCell(cell(r.desa(), plain(10), true));
            t.addCell(cell(typeLabels.getOrDefault(r.businessType(), r.businessType().name()), plain(10), true));
            t.addCell(money(r.value(), plain(10)));
        }
        PdfPCell label = cell("JUMLAH (" + a.recipients().size() + " orang)", bold(10), true);
        label.setColspan(4);
        label.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(label);
        t.addCell(money(a.total(), bold(10)));
        return t;
    }

    private static PdfPTable signature() {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(45);
        t.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.setSpacingBefore(18);
        Paragraph p = new Paragraph("KEPALA DINAS SOSIAL\nPROVINSI JAWA TENGAH\n\n\n\n", plain(10));
        p.add(new Phrase("....................................", bold(10)));
        p.setAlignment(Element.ALIGN_CENTER);
        PdfPCell c = new PdfPCell();
        c.addElement(p);
        c.setBorder(Rectangle.NO_BORDER);
        t.addCell(c);
        return t;
    }

    private static PdfPCell money(long rupiah, Font font) {
        PdfPCell c = cell(IndonesianFormat.money(rupiah), font, true);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }
}
