package id.berdaya.ui.views;

import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.ui.training.VerificationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The public certificate check, opened without login. */
class VerificationViewTest extends ViewTestSupport {

    @Autowired CertificateService certificates;
    @Autowired TrainingFixture fixture;

    @Test
    void anyoneSeesWhetherACertificateIsValidWithItsHolderAndTitleButNoCategory() {
        TrainingEvent e = fixture.closedEventWithCertificates("33.03", 1);
        loginAs("uji.pel.head.33.03", Role.DISTRICT_HEAD, "33.03");
        Certificate c = certificates.ofEvent(e.id()).getFirst();
        TestAccounts.logout();

        VerificationView view = navigate("verifikasi/" + c.code(), VerificationView.class);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("SAH", c.number(), c.holderName(), "Pelatihan Kewirausahaan Uji", "Kabupaten Purbalingga");
        assertThat(text).doesNotContainIgnoringCase("sasaran").doesNotContain("Tuna Susila").doesNotContain("Pemasyarakatan");

        VerificationView unknown = navigate("verifikasi/AAAAAAAAAAAAAAAAAAAAAAAA", VerificationView.class);
        assertThat(unknown.getElement().getTextRecursively()).contains("tidak ditemukan").doesNotContain(c.holderName());
    }
}
