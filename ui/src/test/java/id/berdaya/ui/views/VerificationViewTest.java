package id.berdaya.ui.views;

import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.ui.training.VerificationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public certificate check, opened without login. */
class VerificationViewTest extends ViewTestSupport {

    @Autowired EventService events;
    @Autowired CertificateService certificates;
    @Autowired TrainingFixture fixture;

    @Test
    void anyoneSeesWhetherACertificateIsValidWithItsHolderAndTitleButNoCategory() {
        List<Long> people = fixture.verifiedPeople("33.03", 1);
        loginAs("uji.pel.head.33.03", Role.DISTRICT_HEAD, "33.03");
        NewEvent n = fixture.event("33.03", new CompletionRule(null, null));
        TrainingEvent e = events.create(n);
        events.addSession(e.id(), TrainingFixture.session(n, 0, null));
        events.changeStatus(e.id(), EventStatus.OPEN, events.get(e.id()).orElseThrow().version());
        events.enrol(e.id(), people);
        events.changeStatus(e.id(), EventStatus.RUNNING, events.get(e.id()).orElseThrow().version());
        events.close(e.id(), events.get(e.id()).orElseThrow().version());
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
