package id.berdaya.monitoring;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.file.FileContent;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitPhoto;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.monitoring.visit.VisitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Visit photos: JPG or PNG by content, at most three, kept re-encoded without their metadata. */
@SpringBootTest(classes = MonitoringTestApplication.class)
class PhotoTest {

    static final String TMG = "33.23";
    static final String SECRET = "GPS -7.3888 109.3630 UJI";

    @Autowired MonitoringFixture fixture;
    @Autowired VisitService visits;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    /** A small JPEG with a comment segment (as a camera writes EXIF) right after its start marker. */
    static byte[] jpegWithMetadata() throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(5, 5, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        byte[] jpeg = out.toByteArray();
        byte[] text = SECRET.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream withCom = new ByteArrayOutputStream();
        withCom.write(jpeg, 0, 2); // SOI
        withCom.write(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, (byte) (text.length + 2)});
        withCom.write(text);
        withCom.write(jpeg, 2, jpeg.length - 2);
        return withCom.toByteArray();
    }

    private static VisitReport with(Visit v, LocalDate on, List<byte[]> photos) {
        VisitReport r = MonitoringFixture.met(v, on, Visit.Business.RUNNING, List.of());
        return new VisitReport(on, true, null, r.business(), null, r.turnover(), r.profit(), null, null, null, Set.of(), null, null, null,
                null, List.of(), photos, r.version());
    }

    @Test
    void aPhotoIsCheckedByItsContentAndKeptWithoutItsMetadata() throws IOException {
        long person = fixture.handedOver(TMG, 1, LocalDate.now().minusDays(40)).getFirst().beneficiaryId();
        TestAccounts.loginAs(fixture.head(TMG));
        Visit v = visits.ofBeneficiaries(List.of(person)).getFirst();
        LocalDate today = visits.today();
        byte[] jpeg = jpegWithMetadata();
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains(SECRET);

        RuleViolation fake = catchThrowableOfType(RuleViolation.class, () -> visits.record(v.id(),
                with(v, today, List.of("bukan gambar, hanya teks".getBytes(StandardCharsets.UTF_8)))));
        assertThat(fake.problems()).extracting(RuleViolation.Problem::key).containsExactly("photo.wrongType");
        RuleViolation four = catchThrowableOfType(RuleViolation.class, () -> visits.record(v.id(), with(v, today, List.of(jpeg, jpeg, jpeg, jpeg))));
        assertThat(four.problems()).extracting(RuleViolation.Problem::key).containsExactly("monitoring.photo.tooMany");
        assertThat(visits.photos(v.id())).isEmpty();

        visits.record(v.id(), with(v, today, List.of(jpeg)));
        List<Long> ids = visits.photos(v.id());
        assertThat(ids).hasSize(1);
        VisitPhoto kept = visits.photo(ids.getFirst()).orElseThrow();
        assertThat(FileContent.sniff(kept.content())).isEqualTo(FileContent.JPEG);
        assertThat(new String(kept.content(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(kept.content())).getWidth()).isEqualTo(40);

        TestAccounts.loginAs(fixture.head("33.26"));
        assertThat(visits.photo(ids.getFirst())).isEmpty();
    }
}
