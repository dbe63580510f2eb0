package id.berdaya.ui.e2e;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Download;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.TrainingSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.nio.file.Files;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training in the browser, as issue 10 describes it: the Purbalingga operator plans an event with
 * three sessions (one given by the Polres, a partner agency), enrols five verified people from
 * the register, starts it and enters the scores; the partner's user sees only its own session and
 * marks it; the operator marks the rest; the head closes the event; the certificates' PDF is
 * downloaded, its QR code decoded, and the decoded address opens the public check, which says
 * valid and shows no category.
 */
class TrainingE2ETest extends BrowserTestSupport {

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired TestAccounts accounts;

    /** Types a date into a date picker as the user would (dd/MM/yyyy) and commits it. */
    private void date(String id, LocalDate value) {
        page.locator(id + " input").fill(value.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        page.locator(id + " input").press("Enter");
    }

    @Test
    void anOperatorPlansAnEventThePartnerMarksItsSessionTheHeadClosesAndTheCertificatesQrCodeOpensThePublicCheck() throws Exception {
        LocalDate first = LocalDate.now(IndonesianFormat.WIB).plusDays(10);
        String title = "Pelatihan Uji E2E " + System.nanoTime() % 100_000;

        // the operator plans the event, with three sessions (the second by the partner agency), and enrols five people
        login("operator.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(url("/pelatihan/baru"));
        assertThat(page.locator("#event-kabkota input")).hasValue("Kabupaten Purbalingga");
        page.locator("#event-internal-title input").fill(title + " (sasaran eks-WBP)");
        page.locator("#event-public-title input").fill(title);
        page.locator("#event-kind input").fill("Kewirausahaan");
        page.locator("vaadin-combo-box-item").first().click();
        page.locator("#event-venue input").fill("Aula Dinas Sosial Kabupaten Purbalingga");
        date("#event-start", first);
        date("#event-end", first.plusDays(2));
        page.locator("#training-save").click();
        page.waitForURL(u -> u.matches(".*/pelatihan/[0-9]+$"));
        String base = URI.create(page.url()).getPath();
        long eventId = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
        for (int day = 0; day < 3; day++) {
            date("#session-date", first.plusDays(day));
            page.locator("#session-topic input").fill("Sesi " + (day + 1) + ": kewirausahaan");
            if (day == 1) {
                page.locator("#session-partner input").fill("Polres Purbalingga");
                page.locator("vaadin-combo-box-item").first().click();
            } else {
                page.locator("#session-facilitator input").fill("Fasilitator Uji " + (day + 1));
            }
            page.locator("#session-add").click();
            assertThat(page.locator("#training-sessions vaadin-grid-cell-content").getByText("Sesi " + (day + 1) + ": kewirausahaan"))
                    .isVisible();
        }
        page.locator("#training-action-open").click();
        assertThat(page.locator("#training-event-status")).containsText("Pendaftaran");
        for (int i = 0; i < 5; i++) {
            page.locator("#enrol-candidates vaadin-checkbox").nth(i + 1).click(); // 0 is the select-all header
        }
        page.locator("#enrol-selected").click();
        assertThat(page.locator("#training-participants vaadin-grid-cell-content").getByText("Terdaftar")).hasCount(5);
        page.locator("#training-action-start").click();
        assertThat(page.locator("#training-event-status")).containsText("Berjalan");

        TestAccounts.loginAs(accounts.ensure("uji.e2e.op.pbg", Role.DISTRICT_OPERATOR, "33.03"));
        List<TrainingSession> sessions = events.sessions(eventId);
        List<Participant> enrolled = enrolment.participants(eventId);
        TestAccounts.logout();
        assertThat(sessions).hasSize(3);
        assertThat(enrolled).hasSize(5);
        TrainingSession partnerSession = sessions.get(1);
        assertThat(partnerSession.partnerId()).isNotNull();

        // scores, in the event page's dialog
        for (Participant p : enrolled) {
            page.locator("#scores-" + p.id()).click();
            page.locator("#score-pre input").fill("45");
            page.locator("#score-post input").fill("80");
            page.locator("#score-save").click();
            assertThat(page.locator("#score-save")).isHidden();
        }
        logout();

        // the partner sees only its own session, and marks it
        login("mitra.polres.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(url(base + "/sesi/" + sessions.get(0).id() + "/kehadiran"));
        assertThat(page.getByText("Data tidak ditemukan.")).isVisible();
        page.navigate(url(base + "/sesi/" + partnerSession.id() + "/kehadiran"));
        page.locator("#attendance-all-present").click();
        assertThat(page.locator("vaadin-button[data-state=PRESENT]")).hasCount(5);
        logout();

        // the operator marks the other two
        login("operator.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        for (TrainingSession s : List.of(sessions.get(0), sessions.get(2))) {
            page.navigate(url(base + "/sesi/" + s.id() + "/kehadiran"));
            page.locator("#attendance-all-present").click();
            assertThat(page.locator("vaadin-button[data-state=PRESENT]")).hasCount(5);
        }
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
            assertThat(doc.getNumberOfPages()).as("a certificate for each of the five who completed").isEqualTo(5);
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
        assertThat(text).contains("Kabupaten Purbalingga").contains(title).doesNotContain("eks-WBP").doesNotContain("sasaran")
                .doesNotContain("Tuna Susila").doesNotContain("Pemasyarakatan");
        assertThat(page.locator("meta[name=robots]")).hasAttribute("content", "noindex, nofollow");
    }
}
