package id.berdaya.core.file;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Synthetic photos for tests: a small drawn picture as JPEG or PNG, optionally with an EXIF block
 * written here by hand (camera make "KameraUji", DateTimeOriginal, GPS, orientation), so the
 * stripping and the reading can be checked byte for byte.
 */
public final class TestPhotos {

    /** The make written into every test EXIF block: it must not survive cleaning. */
    public static final String MAKE = "KameraUji";

    private TestPhotos() {
    }

    /** A {@code width}×{@code height} picture (a coloured square on white) as "jpeg" or "png". */
    public static byte[] plain(String format, int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(colour);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG with an EXIF block: "yyyy:MM:dd HH:mm:ss" capture time, position in degrees (null for none), orientation 1..8. */
    public static byte[] jpegWithExif(int width, int height, String dateTimeOriginal, Double lat, Double lon, int orientation) {
        byte[] jpeg = plain("jpeg", width, height, Color.ORANGE);
        byte[] tiff = tiff(dateTimeOriginal, lat, lon, orientation, ByteOrder.BIG_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with an eXIf chunk (little-endian TIFF) and a tEXt comment. */
    public static byte[] pngWithExif(int width, int height, String dateTimeOriginal, Double lat, Double lon) {
        byte[] png = plain("png", width, height, Color.GREEN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature and IHDR
        chunk(out, "eXIf", tiff(dateTimeOriginal, lat, lon, 1, ByteOrder.LITTLE_ENDIAN));
        chunk(out, "tEXt", ("Comment\0" + MAKE).getBytes(StandardCharsets.ISO_8859_1));
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        b.putInt((int) crc.getValue());
        out.writeBytes(b.array());
    }

    /** IFD0 (Make, Orientation, ExifIFD, GPS), the EXIF IFD (DateTimeOriginal), the GPS IFD (refs and DMS rationals). */
    static byte[] tiff(String dateTimeOriginal, Double lat, Double lon, int orientation, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(512).order(order);
        b.put(order == ByteOrder.BIG_ENDIAN ? "MM".getBytes(StandardCharsets.ISO_8859_1) : "II".getBytes(StandardCharsets.ISO_8859_1));
        b.putShort((short) 42).putInt(8);
        int ifd0 = 8;
        int exifIfd = ifd0 + 2 + 4 * 12 + 4;          // 62
        int gpsIfd = exifIfd + 2 + 12 + 4;            // 80
        int data = gpsIfd + 2 + 4 * 12 + 4;           // 134
        int make = data;
        int time = make + 10;
        int latData = time + 20;
        int lonData = latData + 24;
        b.position(ifd0);
        b.putShort((short) 4);
        entry(b, 0x010F, 2, MAKE.length() + 1, make);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(b, 0x8769, 4, 1, exifIfd);
        entry(b, 0x8825, 4, 1, lat == null ? 0 : gpsIfd);
        b.putInt(0);
        b.position(exifIfd);
        b.putShort((short) 1);
        entry(b, 0x9003, 2, 20, time);
        b.putInt(0);
        b.position(gpsIfd);
        b.putShort((short) 4);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) (lat != null && lat < 0 ? 'S' : 'N')).put(new byte[3]);
        entry(b, 2, 5, 3, latData);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) (lon != null && lon < 0 ? 'W' : 'E')).put(new byte[3]);
        entry(b, 4, 5, 3, lonData);
        b.putInt(0);
        b.position(make);
        b.put((MAKE + "\0").getBytes(StandardCharsets.ISO_8859_1));
        b.position(time);
        b.put((dateTimeOriginal + "\0").getBytes(StandardCharsets.ISO_8859_1));
        b.position(latData);
        dms(b, lat == null ? 0 : Math.abs(lat));
        dms(b, lon == null ? 0 : Math.abs(lon));
        return java.util.Arrays.copyOf(b.array(), lonData + 24);
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** Degrees, minutes and seconds (seconds in 1/10000) as three RATIONALs. */
    private static void dms(ByteBuffer b, double degrees) {
        int d = (int) degrees;
        double m = (degrees - d) * 60;
        int mi = (int) m;
        long s = Math.round((m - mi) * 60 * 10000);
        b.putInt(d).putInt(1).putInt(mi).putInt(1).putInt((int) s).putInt(10000);
    }
}
