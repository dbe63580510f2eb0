package id.berdaya.ui.e2e;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.EventFilter;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training in the browser, on the demo profile's running Purbalingga event: the partner's user
 * marks its own session (and cannot open another), the operator marks the rest, the head closes
 * the event, the certificates' PDF is downloaded, its QR code decoded, and the decoded address
 * opens the public check, which says valid and shows no category. (The post-test scores are set
 * through the service: their screen is still to come.)
 */
class TrainingE2ETest extends BrowserTestSupport {

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired TestAccounts accounts;

    @Test
    void thePartnerMarksItsSessionTheHeadClosesAndTheCertificatesQrCodeOpensThePublicCheck() throws Exception {
        TestAccounts.loginAs(accounts.ensure("uji.e2e.op.pbg", Role.DISTRICT_OPERATOR, "33.03"));
        TrainingEvent running = events.list(new EventFilter(null, "33.03", EventStatus.RUNNING)).stream()
                .filter(e -> e.signatoryName() != null && e.signatoryName().contains("(Demo)")).findFirst().orElseThrow();
        List<TrainingSession> sessions = events.sessions(running.id());
        TrainingSession partnerSession = sessions.stream().filter(s -> s.partnerId() != null).findFirst().orElseThrow();
        TrainingSession last = sessions.getLast();
        for (Participant p : enrolment.participants(running.id())) {
            attendance.recordScores(p.id(), BigDecimal.valueOf(45), BigDecimal.valueOf(80));
        }
        TestAccounts.logout();
        String base = "/pelatihan/" + running.id();

        login("mitra.polres.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(url(base + "/sesi/" + last.id() + "/kehadiran"));
        assertThat(page.getByText("Data tidak ditemukan.")).isVisible();
        page.navigate(url(base + "/sesi/" + partnerSession.id() + "/kehadiran"));
        page.locator("#attendance-all-present").click();
        assertThat(page.locator("vaadin-button[data-state=PRESENT]").first()).isVisible();
        logout();

        login("operator.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(url(base + "/sesi/" + last.id() + "/kehadiran"));
        page.locator("#attendance-all-present").click();
        assertThat(page.locator("vaadin-button[data-state=PRESENT]").first()).isVisible();
        logout();

        login("kadinsos.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(url(base));
        page.locator("#training-action-close").click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button], vaadin-button[slot=confirm-button]").first().click();
        assertThat(page.locator("#training-event-status")).containsText("Ditutup");
        Download download = page.waitForDownload(() -> page.getByText("Cetak semua sertifikat (PDF)").click());
        byte[] pdf = Files.readAllBytes(download.path());
        String decoded;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isPositive();
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        }
        logout();

        String path = URI.create(decoded).getPath();
        assertThat(path).startsWith("/verifikasi/");
        page.navigate(url(path));
        assertThat(page.locator("#verify-valid")).containsText("SAH");
        String text = page.locator("#verification-result").innerText();
        assertThat(text).contains("Kabupaten Purbalingga").doesNotContain("eks-WBP").doesNotContain("sasaran")
                .doesNotContain("Tuna Susila").doesNotContain("Pemasyarakatan");
        assertThat(page.locator("meta[name=robots]")).hasAttribute("content", "noindex, nofollow");
    }
}
