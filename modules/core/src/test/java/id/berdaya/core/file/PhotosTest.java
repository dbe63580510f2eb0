package id.berdaya.core.file;

import id.berdaya.core.RuleViolation;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Photos are checked by their content, re-encoded without any metadata, and only capture time and position are read from their EXIF. */
class PhotosTest {

    static final int MAX = 8 * 1024 * 1024;

    @Test
    void theCaptureTimeAndPositionAreReadAndTheStoredJpegHasNoMetadataAtAll() throws Exception {
        byte[] raw = TestPhotos.jpegWithExif(64, 48, "2026:03:14 09:15:30", -7.388123, 109.362456, 1);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).contains("Exif", TestPhotos.MAKE);

        Photos.Clean clean = Photos.clean(raw, MAX, "photos");
        assertThat(clean.contentType()).isEqualTo(FileContent.JPEG);
        assertThat(clean.takenAt()).isEqualTo(LocalDateTime.of(2026, 3, 14, 9, 15, 30));
        assertThat(clean.latitude()).isEqualByComparingTo(new BigDecimal("-7.388123"));
        assertThat(clean.longitude()).isEqualByComparingTo(new BigDecimal("109.362456"));
        assertThat(clean.width()).isEqualTo(64);
        assertThat(clean.height()).isEqualTo(48);

        byte[] stored = clean.content();
        assertThat(FileContent.sniff(stored)).isEqualTo(FileContent.JPEG);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain(TestPhotos.MAKE)
                .doesNotContain("JFIF");
        assertThat(jpegMarkers(stored)).noneMatch(m -> m >= 0xE0 && m <= 0xEF).doesNotContain(0xFE);
        assertThat(Exif.read(stored)).isEqualTo(Exif.NONE);
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(64);
    }

    @Test
    void aPngKeepsOnlyItsImageChunksAndALittleEndianExifIsRead() {
        byte[] raw = TestPhotos.pngWithExif(30, 20, "2026:04:01 16:00:00", -6.9, 110.42);
        Photos.Clean clean = Photos.clean(raw, MAX, "photos");
        assertThat(clean.contentType()).isEqualTo(FileContent.PNG);
        assertThat(clean.takenAt()).isEqualTo(LocalDateTime.of(2026, 4, 1, 16, 0));
        assertThat(clean.latitude()).isEqualByComparingTo(new BigDecimal("-6.900000"));
        assertThat(clean.longitude()).isEqualByComparingTo(new BigDecimal("110.420000"));
        assertThat(pngChunks(clean.content())).containsOnly("IHDR", "IDAT", "IEND");
        assertThat(new String(clean.content(), StandardCharsets.ISO_8859_1)).doesNotContain(TestPhotos.MAKE);
    }

    @Test
    void aPhotoWithoutExifHasNoTimeNorPositionAndAnOrientedOneIsTurnedUpright() {
        Photos.Clean plain = Photos.clean(TestPhotos.plain("png", 10, 10, Color.BLUE), MAX, "photos");
        assertThat(plain.takenAt()).isNull();
        assertThat(plain.latitude()).isNull();
        assertThat(plain.longitude()).isNull();

        Photos.Clean turned = Photos.clean(TestPhotos.jpegWithExif(40, 20, "2026:03:14 09:15:30", null, null, 6), MAX, "photos");
        assertThat(turned.width()).isEqualTo(20);
        assertThat(turned.height()).isEqualTo(40);
        assertThat(turned.latitude()).isNull();
    }

    @Test
    void anythingButADecodableJpegOrPngWithinTheSizeIsRefused() {
        assertThat(keys("photos", new byte[0])).containsExactly("photo.empty");
        assertThat(keys("photos", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).containsExactly("photo.wrongType");
        assertThat(keys("photos", "GIF89a........".getBytes(StandardCharsets.US_ASCII))).containsExactly("photo.wrongType");
        // the magic bytes of a JPEG, but no picture behind them
        byte[] fake = new byte[200];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        assertThat(keys("photos", fake)).containsExactly("photo.undecodable");
        byte[] png = TestPhotos.plain("png", 20, 20, Color.RED);
        assertThat(keys("photos", java.util.Arrays.copyOf(png, 40))).containsExactly("photo.undecodable");
        assertThatThrownBy(() -> Photos.clean(png, 100, "photos")).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.problems().getFirst().key()).isEqualTo("photo.tooLarge"));
    }

    @Test
    void aDamagedExifBlockIsIgnoredNotAnError() {
        byte[] raw = TestPhotos.jpegWithExif(16, 16, "2026:03:14 09:15:30", -7.0, 110.0, 1);
        // point IFD0 far outside the block
        int tiff = indexOf(raw, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)) + 6;
        raw[tiff + 4] = 0x7F;
        assertThat(Exif.read(raw)).isEqualTo(Exif.NONE);
        assertThat(Photos.clean(raw, MAX, "photos").takenAt()).isNull();
    }

    static List<String> keys(String field, byte[] content) {
        try {
            Photos.clean(content, MAX, field);
            return List.of();
        } catch (RuleViolation v) {
            return v.problems().stream().map(RuleViolation.Problem::key).toList();
        }
    }

    /** The markers of a JPEG's segments up to the start of scan. */
    static List<Integer> jpegMarkers(byte[] b) {
        List<Integer> markers = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int m = b[pos + 1] & 0xFF;
            markers.add(m);
            if (m == 0xDA) {
                break;
            }
            pos += 2 + ((b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF));
        }
        return markers;
    }

    static List<String> pngChunks(byte[] b) {
        List<String> chunks = new ArrayList<>();
        int pos = 8;
        while (pos + 8 <= b.length) {
            int length = (b[pos] & 0xFF) << 24 | (b[pos + 1] & 0xFF) << 16 | (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
            chunks.add(new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1));
            pos += 12 + length;
        }
        return chunks;
    }

    private static int indexOf(byte[] b, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= b.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (b[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
