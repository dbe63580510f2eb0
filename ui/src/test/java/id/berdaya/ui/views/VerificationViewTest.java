package id.berdaya.ui.views;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.internal.CurrentInstance;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.monitoring.MonitoringFixture;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.ui.grants.HandoverVerificationView;
import id.berdaya.ui.training.VerificationView;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The public certificate check, opened without login. */
class VerificationViewTest extends ViewTestSupport {

    @Autowired CertificateService certificates;
    @Autowired HandoverService handovers;
    @Autowired TrainingFixture fixture;
    @Autowired MonitoringFixture monitoring;
    @Value("${berdaya.verification.per-minute:30}") int perMinute;

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

    @Test
    void oneVisitToTheShortAddressOfABastCountsOnceAgainstTheClientAddress() {
        long handoverId = monitoring.handedOver("33.09", 1, LocalDate.now()).getFirst().handoverId();
        TestAccounts.loginAs(monitoring.head("33.09"));
        Handover h = handovers.get(handoverId).orElseThrow();
        TestAccounts.logout();

        for (int attempt = 0; ; attempt++) {
            String address = "198.51.100." + (150 + attempt); // documentation addresses, one per attempt
            long minute = System.currentTimeMillis() / 60_000;
            HandoverVerificationView page = fromAddress(address, () -> navigate("verifikasi/" + h.code(), HandoverVerificationView.class));
            assertThat(page.getElement().getTextRecursively()).contains("SAH", h.number());
            int left = lookupsLeft(address);
            if (System.currentTimeMillis() / 60_000 == minute || attempt == 2) { // the limiter's window did not turn meanwhile
                assertThat(left).as("lookups left after one visit").isEqualTo(perMinute - 1);
                return;
            }
        }
    }

    /** Runs {@code visit} as if its request came from {@code address}. */
    private <T> T fromAddress(String address, java.util.function.Supplier<T> visit) {
        VaadinServletRequest real = (VaadinServletRequest) VaadinRequest.getCurrent();
        VaadinServletRequest from = new VaadinServletRequest(new HttpServletRequestWrapper(real.getHttpServletRequest()) {
            @Override
            public String getRemoteAddr() {
                return address;
            }
        }, (VaadinServletService) real.getService());
        CurrentInstance.set(VaadinRequest.class, from);
        try {
            return visit.get();
        } finally {
            CurrentInstance.set(VaadinRequest.class, real);
        }
    }

    private int lookupsLeft(String address) {
        int left = 0;
        try {
            while (left <= perMinute) {
                certificates.verify("AAAAAAAAAAAAAAAAAAAAAAAA", address);
                left++;
            }
        } catch (RuleViolation tooMany) {
            assertThat(tooMany.problems().getFirst().key()).isEqualTo("training.verify.tooMany");
        }
        return left;
    }
}
