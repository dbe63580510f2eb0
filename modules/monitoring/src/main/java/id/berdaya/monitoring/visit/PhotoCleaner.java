package id.berdaya.monitoring.visit;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.file.FileContent;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A visit photo made safe to keep: a JPEG or PNG by its content (not its name), decoded and
 * encoded again, which drops every metadata block (EXIF with the place and the camera, comments),
 * and scaled down to at most {@link #MAX_SIDE} pixels on its longer side.
 */
final class PhotoCleaner {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_SIDE = 1600;

    /** The cleaned image and its type. */
    record Clean(String contentType, byte[] content) {
    }

    private PhotoCleaner() {
    }

    static Clean clean(byte[] content) {
        if (content == null || content.length == 0) {
            throw new RuleViolation("photos", "monitoring.photo.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation("photos", "monitoring.photo.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String type = FileContent.sniff(content);
        if (!FileContent.JPEG.equals(type) && !FileContent.PNG.equals(type)) {
            throw new RuleViolation("photos", "monitoring.photo.wrongType");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null) {
                throw new RuleViolation("photos", "monitoring.photo.wrongType");
            }
            boolean png = FileContent.PNG.equals(type);
            BufferedImage out = scaled(image, png);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, png ? "png" : "jpg", bytes);
            return new Clean(type, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation rv) {
                throw rv;
            }
            throw new RuleViolation("photos", "monitoring.photo.wrongType");
        }
    }

    private static BufferedImage scaled(BufferedImage in, boolean png) {
        double f = Math.min(1.0, (double) MAX_SIDE / Math.max(in.getWidth(), in.getHeight()));
        int w = Math.max(1, (int) Math.round(in.getWidth() * f));
        int h = Math.max(1, (int) Math.round(in.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
