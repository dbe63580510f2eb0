package id.berdaya.core.file;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The few EXIF tags a photo keeps beside it: the capture time (DateTimeOriginal), the camera's GPS
 * position and the orientation. Read by hand from the TIFF structure in a JPEG's APP1 "Exif"
 * segment or a PNG's {@code eXIf} chunk (no library for it is available here); bounds-checked
 * throughout, so a damaged or hostile structure gives "nothing found", never an error.
 *
 * @param takenAt   DateTimeOriginal as the camera wrote it (local time, no zone), or null
 * @param latitude  degrees, south negative (6 decimals), or null
 * @param longitude degrees, west negative (6 decimals), or null
 * @param orientation the EXIF orientation 1..8 (1 when absent)
 */
record Exif(LocalDateTime takenAt, BigDecimal latitude, BigDecimal longitude, int orientation) {

    static final Exif NONE = new Exif(null, null, null, 1);

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_GPS_IFD = 0x8825;
    private static final int TAG_DATE_TIME_ORIGINAL = 0x9003;
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    /** The tags of a JPEG or PNG file; {@link #NONE} where there are none or they cannot be read. */
    static Exif read(byte[] file) {
        try {
            byte[] tiff = tiff(file);
            return tiff == null ? NONE : new Tiff(tiff).exif();
        } catch (RuntimeException damaged) {
            return NONE;
        }
    }

    /** The TIFF structure of the first EXIF segment (JPEG APP1) or chunk (PNG eXIf), or null. */
    static byte[] tiff(byte[] b) {
        if (FileContent.JPEG.equals(FileContent.sniff(b))) {
            int pos = 2;
            while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
                int marker = b[pos + 1] & 0xFF;
                if (marker == 0xD9 || marker == 0xDA) {
                    return null;
                }
                int length = u16(b, pos + 2, false);
                int data = pos + 4;
                if (length < 2 || data + length - 2 > b.length) {
                    return null;
                }
                if (marker == 0xE1 && length >= 8 && new String(b, data, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                    return java.util.Arrays.copyOfRange(b, data + 6, data + length - 2);
                }
                pos = data + length - 2;
            }
        } else if (FileContent.PNG.equals(FileContent.sniff(b))) {
            int pos = 8;
            while (pos + 8 <= b.length) {
                long length = u32(b, pos, false);
                String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
                if (length < 0 || pos + 12 + length > b.length) {
                    return null;
                }
                if (type.equals("eXIf")) {
                    return java.util.Arrays.copyOfRange(b, pos + 8, pos + 8 + (int) length);
                }
                if (type.equals("IDAT") || type.equals("IEND")) {
                    return null;
                }
                pos += 12 + (int) length;
            }
        }
        return null;
    }

    /** A TIFF structure: byte order, IFD0, and its EXIF and GPS sub-IFDs. */
    private record Tiff(byte[] b, boolean little) {

        Tiff(byte[] b) {
            this(b, b[0] == 'I' && b[1] == 'I');
        }

        Exif exif() {
            if (!(little || b[0] == 'M' && b[1] == 'M') || u16(b, 2, little) != 42) {
                return NONE;
            }
            int ifd0 = (int) u32(b, 4, little);
            int orientation = (int) value(ifd0, TAG_ORIENTATION, 1);
            if (orientation < 1 || orientation > 8) {
                orientation = 1;
            }
            LocalDateTime taken = null;
            long exifIfd = value(ifd0, TAG_EXIF_IFD, -1);
            if (exifIfd > 0) {
                taken = time(entry((int) exifIfd, TAG_DATE_TIME_ORIGINAL));
            }
            BigDecimal lat = null;
            BigDecimal lon = null;
            long gps = value(ifd0, TAG_GPS_IFD, -1);
            if (gps > 0) {
                lat = degrees(entry((int) gps, 2), ref(entry((int) gps, 1)), 'S', 90);
                lon = degrees(entry((int) gps, 4), ref(entry((int) gps, 3)), 'W', 180);
                if (lat == null || lon == null) {
                    lat = null;
                    lon = null;
                }
            }
            return new Exif(taken, lat, lon, orientation);
        }

        /** The position of a tag's 12-byte entry in the IFD at {@code ifd}, or -1. */
        int entry(int ifd, int tag) {
            int count = u16(b, ifd, little);
            for (int i = 0; i < count && i < 500; i++) {
                int e = ifd + 2 + 12 * i;
                if (u16(b, e, little) == tag) {
                    return e;
                }
            }
            return -1;
        }

        /** A SHORT or LONG tag's single value, or {@code absent}. */
        long value(int ifd, int tag, long absent) {
            int e = entry(ifd, tag);
            if (e < 0) {
                return absent;
            }
            int type = u16(b, e + 2, little);
            return type == 3 ? u16(b, e + 8, little) : type == 4 ? u32(b, e + 8, little) : absent;
        }

        /** The bytes of an ASCII tag's value (inline up to 4 bytes, else at its offset), or null. */
        String ascii(int e) {
            if (e < 0 || u16(b, e + 2, little) != 2) {
                return null;
            }
            int count = (int) u32(b, e + 4, little);
            int at = count <= 4 ? e + 8 : (int) u32(b, e + 8, little);
            if (count <= 0 || count > 64 || at + count > b.length) {
                return null;
            }
            return new String(b, at, count, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
        }

        LocalDateTime time(int e) {
            String s = ascii(e);
            try {
                return s == null || s.length() != 19 ? null : LocalDateTime.parse(s, EXIF_TIME);
            } catch (DateTimeParseException invalid) {
                return null;
            }
        }

        char ref(int e) {
            String s = ascii(e);
            return s == null || s.isEmpty() ? '?' : s.charAt(0);
        }

        /** Three RATIONALs (degrees, minutes, seconds) as signed decimal degrees, or null. */
        BigDecimal degrees(int e, char ref, char negative, int max) {
            if (e < 0 || u16(b, e + 2, little) != 5 || u32(b, e + 4, little) != 3 || ref == '?') {
                return null;
            }
            int at = (int) u32(b, e + 8, little);
            double value = 0;
            double scale = 1;
            for (int i = 0; i < 3; i++) {
                long num = u32(b, at + 8 * i, little);
                long den = u32(b, at + 8 * i + 4, little);
                if (den == 0) {
                    return null;
                }
                value += (double) num / den / scale;
                scale *= 60;
            }
            if (value > max) {
                return null;
            }
            BigDecimal d = BigDecimal.valueOf(ref == negative ? -value : value).setScale(6, RoundingMode.HALF_UP);
            return d;
        }
    }

    static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? y << 8 | x : x << 8 | y;
    }

    static long u32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int k = little ? at + 3 - i : at + i;
            v = v << 8 | (b[k] & 0xFF);
        }
        return v;
    }
}
