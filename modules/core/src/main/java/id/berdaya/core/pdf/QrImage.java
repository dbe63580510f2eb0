package id.berdaya.core.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Image;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;

import java.util.Map;

/** QR codes (ZXing) for OpenPDF documents: the link of a printed record to its public check. */
public final class QrImage {

    private QrImage() {
    }

    /** A borderless table cell holding the QR code of {@code text}, {@code size} points square. */
    public static PdfPCell cell(String text, float size) {
        Image qr = of(text);
        qr.scaleAbsolute(size, size);
        PdfPCell cell = new PdfPCell(qr, false);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    /** A QR code as an 8-bit grey image, one pixel per module with a quiet zone (scale it when placing it). */
    public static Image of(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int w = m.getWidth();
            int h = m.getHeight();
            byte[] grey = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = (byte) (m.get(x, y) ? 0 : 0xFF);
                }
            }
            return Image.getInstance(w, h, 1, 8, grey);
        } catch (WriterException | DocumentException e) {
            throw new IllegalStateException("QR code", e);
        }
    }
}
