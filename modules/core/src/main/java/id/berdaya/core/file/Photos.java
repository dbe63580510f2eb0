package id.berdaya.core.file;

import id.berdaya.core.RuleViolation;
import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Locale;

/**
 * Photos made safe to keep: a JPEG or PNG by its content (magic bytes, then really decoded with
 * ImageIO), size- and pixel-bounded, turned upright by its EXIF orientation, scaled to at most
 * {@link #MAX_SIDE} pixels on its long side and re-encoded in the same format with no metadata at
 * all (no EXIF, no JFIF/APPn segments, no PNG text or time chunks). Only the capture time and the
 * camera's GPS position are read from the EXIF before, to be kept beside the photo by the caller
 * (the position only with the operator's consent). Refusals are {@link RuleViolation}s with the keys
 * {@code photo.*} on the given field.
 */
public final class Photos {

    /** The longest side of a stored photo, in pixels. */
    public static final int MAX_SIDE = 2560;
    /** The most pixels a photo may have before it is decoded (a guard against decompression bombs). */
    static final long MAX_PIXELS = 50_000_000L;

    /**
     * A photo as stored: its re-encoded bytes and type, its size in pixels, and what was read from
     * its EXIF before (capture time; the position, which the caller keeps only with consent).
     */
    public record Clean(String contentType, byte[] content, int width, int height, LocalDateTime takenAt, BigDecimal latitude,
                        BigDecimal longitude) {
    }

    private Photos() {
    }

    /** Checks and re-encodes a photo of at most {@code maxBytes}; refused with {@code photo.*} keys on {@code field}. */
    public static Clean clean(byte[] raw, int maxBytes, String field) {
        if (raw == null || raw.length == 0) {
            throw new RuleViolation(field, "photo.empty");
        }
        if (raw.length > maxBytes) {
            throw new RuleViolation(field, "photo.tooLarge", maxBytes / (1024 * 1024));
        }
        String type = FileContent.sniff(raw);
        if (!FileContent.JPEG.equals(type) && !FileContent.PNG.equals(type)) {
            throw new RuleViolation(field, "photo.wrongType");
        }
        BufferedImage image = decode(raw, type, field);
        Exif exif = Exif.read(raw);
        image = scaled(upright(image, exif.orientation()));
        byte[] stored = encode(image, type);
        return new Clean(type, stored, image.getWidth(), image.getHeight(), exif.takenAt(), exif.latitude(), exif.longitude());
    }

    private static BufferedImage decode(byte[] raw, String type, String field) {
        String format = FileContent.JPEG.equals(type) ? "jpeg" : "png";
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(raw))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                if (!reader.getFormatName().toLowerCase(Locale.ROOT).equals(format)) {
                    reader.dispose();
                    continue;
                }
                try {
                    reader.setInput(in, true, true);
                    if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                        throw new RuleViolation(field, "photo.tooManyPixels");
                    }
                    BufferedImage image = reader.read(0);
                    if (image != null && image.getWidth() > 0 && image.getHeight() > 0) {
                        return image;
                    }
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof RuleViolation v) {
                throw v;
            }
        }
        throw new RuleViolation(field, "photo.undecodable");
    }

    /** The image turned as its EXIF orientation says (1 upright, 3 half turn, 6 quarter clockwise, 8 quarter anticlockwise; mirrored ones unmirrored). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swap = orientation >= 5;
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> {
                return image;
            }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, rgbType(image));
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scaled(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int longest = Math.max(w, h);
        if (longest <= MAX_SIDE) {
            return image;
        }
        double f = (double) MAX_SIDE / longest;
        int nw = Math.max(1, (int) Math.round(w * f));
        int nh = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(nw, nh, rgbType(image));
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, nw, nh, null);
        g.dispose();
        return out;
    }

    private static int rgbType(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    /** The image in its format without any metadata: a JPEG without JFIF/EXIF segments (quality 0.88), a PNG of IHDR, IDAT and IEND. */
    private static byte[] encode(BufferedImage image, String type) {
        boolean jpeg = FileContent.JPEG.equals(type);
        BufferedImage source = image;
        if (jpeg && (image.getColorModel().hasAlpha() || image.getType() != BufferedImage.TYPE_INT_RGB)) {
            source = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = source.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = null;
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
                metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(source), param);
                String format = "javax_imageio_jpeg_image_1.0";
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                Node variety = root.getElementsByTagName("JPEGvariety").item(0);
                while (variety != null && variety.hasChildNodes()) {
                    variety.removeChild(variety.getFirstChild());
                }
                metadata.setFromTree(format, root);
            }
            writer.write(null, new IIOImage(source, null, metadata), param);
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding a decoded photo failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
