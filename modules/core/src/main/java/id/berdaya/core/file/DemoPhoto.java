package id.berdaya.core.file;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The demo profile's photo: a drawn picture marked as demo (never a real photo of anyone). */
public final class DemoPhoto {

    private DemoPhoto() {
    }

    /** A 320×200 PNG reading "FOTO CONTOH (DEMO)". */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xE8F0E8));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(0x2E7D32));
        g.fillRect(40, 60, 240, 100);
        g.setColor(Color.WHITE);
        g.drawString("FOTO CONTOH (DEMO)", 100, 115);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
