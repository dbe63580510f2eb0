package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.ui.grants.HandoverVerificationView;
import id.berdaya.ui.grants.ProposalView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /bantuan/usulan/{id} for a province-approved proposal: the operator records the handover and downloads the BAST; the public check. */
class HandoverScreensViewTest extends ViewTestSupport {

    @Autowired ProposalService proposals;
    @Autowired HandoverService handovers;
    @Autowired GrantsFixture fixture;

    private Proposal provinceApproved(GrantsFixture.Catalogue c) {
        long person = fixture.trainedPeople("33.03", 1).getFirst();
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        Proposal p = proposals.create(GrantsFixture.proposal(person, c.year(),
                List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), 4))));
        p = proposals.submit(p.id(), p.version());
        loginAs("uji.layar.head.pbg", Role.DISTRICT_HEAD, "33.03");
        p = proposals.approve(p.id(), p.version());
        loginAs("uji.layar.verif", Role.PROVINCE_OFFICER, null);
        return proposals.approve(p.id(), p.version());
    }

    @Test
    void theOperatorRecordsTheHandoverOfAProvinceApprovedProposalAndTheHeadCannot() {
        GrantsFixture.Catalogue c = fixture.year("33.03", 100_000_000);
        Proposal p = provinceApproved(c);

        // the district head reads the proposal but is offered no handover form
        loginAs("uji.layar.head.pbg", Role.DISTRICT_HEAD, "33.03");
        navigate(ProposalView.class, Map.of("id", String.valueOf(p.id())));
        assertThat($(Button.class).withId("handover-record").exists()).isFalse();

        BerdayaUser operator = loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        navigate(ProposalView.class, Map.of("id", String.valueOf(p.id())));
        assertThat($(Button.class).withId("handover-record").exists()).isTrue();
        test($(TextField.class).id("handover-place")).setValue("Balai Desa Uji Layar");
        test($(TextField.class).id("handover-giver-name")).setValue("Budi Penyerah Uji");
        test($(TextField.class).id("handover-giver-position")).setValue("Kepala Seksi Rehabilitasi Sosial");
        test($(TextField.class).id("handover-giver-office")).setValue("Dinas Sosial Kabupaten Purbalingga");
        test($(TextField.class).id("handover-witness-name")).setValue("Siti Saksi Uji");
        test($(TextField.class).id("handover-witness-position")).setValue("Kepala Desa Uji");
        // one sack of feed short, without a reason: refused, nothing recorded
        test($(IntegerField.class).id("handover-quantity-1")).setValue(3);
        test($(Button.class).id("handover-record")).click();
        assertThat(proposals.get(p.id()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        test($(TextField.class).id("handover-reason-1")).setValue("Stok pakan pemasok kurang (uji)");
        test($(Button.class).id("handover-record")).click();

        assertThat($(Span.class).id("proposal-state").getText()).isEqualTo("Sudah diserahterimakan");
        Handover h = handovers.ofProposal(p.id()).orElseThrow();
        assertThat(h.recordedBy()).isEqualTo(operator.getUsername());
        assertThat(h.items().get(1).quantity()).isEqualTo(3);
        assertThat($(Span.class).id("handover-number").getText()).contains(h.number());
        assertThat($(Anchor.class).id("handover-pdf").getElement().hasAttribute("download")).isTrue();
        assertThat($(Button.class).withId("handover-record").exists()).isFalse();
        assertThat($(com.vaadin.flow.component.upload.Upload.class).withId("handover-scan-upload").exists()).isTrue();
        // a scan uploaded through the service is listed for download
        var scan = handovers.uploadScan(h.id(), "bast-ttd.pdf", "%PDF-1.4\n% uji\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        navigate(ProposalView.class, Map.of("id", String.valueOf(p.id())));
        assertThat($(Anchor.class).id("handover-scan-" + scan.id()).getText()).startsWith("bast-ttd.pdf");

        // the district head sees the record and the scan (/bantuan/serah-terima/{id} opens the proposal), and may not upload
        loginAs("uji.layar.head.pbg", Role.DISTRICT_HEAD, "33.03");
        navigate("bantuan/serah-terima/" + h.id(), ProposalView.class);
        assertThat($(Span.class).id("handover-number").getText()).contains(h.number());
        assertThat($(Anchor.class).withId("handover-scan-" + scan.id()).exists()).isTrue();
        assertThat($(com.vaadin.flow.component.upload.Upload.class).withId("handover-scan-upload").exists()).isFalse();

        // another district's head finds nothing
        loginAs("uji.layar.head.pkl", Role.DISTRICT_HEAD, "33.26");
        navigate("bantuan/serah-terima/" + h.id(), id.berdaya.ui.grants.HandoverView.class);
        assertThat($(Span.class).withId("handover-number").exists()).isFalse();

        TestAccounts.logout();
        HandoverVerificationView check = navigate("verifikasi/bast/" + h.code(), HandoverVerificationView.class);
        String text = check.getElement().getTextRecursively();
        assertThat(text).contains("SAH", h.number(), "Kabupaten Purbalingga").doesNotContain(p.beneficiaryName())
                .doesNotContain("Tuna Susila").doesNotContain("Pemasyarakatan");
        assertThat($(com.vaadin.flow.component.upload.Upload.class).withId("verify-file").exists()).isTrue();
        HandoverVerificationView unknown = navigate("verifikasi/bast/AAAAAAAAAAAAAAAAAAAAAAAA", HandoverVerificationView.class);
        assertThat(unknown.getElement().getTextRecursively()).contains("tidak ditemukan").doesNotContain(h.number());
    }
}
