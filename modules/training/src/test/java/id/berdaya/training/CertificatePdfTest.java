package id.berdaya.training;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.event.TrainingEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Certificates read back from their PDF: A4 landscape, Indonesian, and a QR code that decodes to the public check. */
@SpringBootTest(classes = TrainingTestApplication.class)
class CertificatePdfTest {

    @Autowired CertificateService certificates;
    @Autowired TrainingFixture fixture;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void theCertificatePdfIsLandscapeIndonesianWithoutCategoryAndItsQrCodeOpensThePublicCheck() throws Exception {
        TrainingEvent e = fixture.closedEventWithCertificates("33.03", 2);
        BerdayaUser head = accounts.ensure("uji.pel.head.33.03", Role.DISTRICT_HEAD, "33.03");
        TestAccounts.loginAs(head);
        List<Certificate> issued = certificates.ofEvent(e.id());
        assertThat(issued).hasSize(2);
        Certificate c = issued.getFirst();

        try (PDDocument pdf = Loader.loadPDF(certificates.pdf(c.id()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDPage page = pdf.getPage(0);
            boolean turned = page.getRotation() % 180 != 0; // A4 landscape, as the page is shown
            float width = turned ? page.getMediaBox().getHeight() : page.getMediaBox().getWidth();
            float height = turned ? page.getMediaBox().getWidth() : page.getMediaBox().getHeight();
            assertThat(width).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            assertThat(height).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("SERTIFIKAT", "Nomor: " + c.number(), c.holderName(), "Pelatihan Kewirausahaan Uji",
                    "Kabupaten Purbalingga", "Kepala Dinas Sosial", "Drs. Kepala Uji");
            assertThat(text).doesNotContainIgnoringCase("sasaran").doesNotContain("Tuna Susila").doesNotContain("Pemasyarakatan");

            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
            // kept for a look at the layout (target/certificate.png)
            javax.imageio.ImageIO.write(image, "png", java.nio.file.Path.of("target", "certificate.png").toFile());
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
            assertThat(decoded).isEqualTo("http://localhost:8080/verifikasi/" + c.code());
            String code = decoded.substring(decoded.lastIndexOf('/') + 1);
            TestAccounts.logout();
            assertThat(certificates.verify(code, "203.0.113.5")).get().satisfies(check -> {
                assertThat(check.valid()).isTrue();
                assertThat(check.holderName()).isEqualTo(c.holderName());
            });
        }

        TestAccounts.loginAs(head);
        try (PDDocument all = Loader.loadPDF(certificates.eventPdf(e.id()))) {
            assertThat(all.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(all)).contains(issued.get(0).number(), issued.get(1).number());
        }
    }
}
