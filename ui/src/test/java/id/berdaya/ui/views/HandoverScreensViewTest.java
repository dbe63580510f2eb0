package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import id.berdaya.core.file.TestPhotos;
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
import id.berdaya.grants.handover.scan.HandoverScanService;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.ui.grants.HandoverVerificationView;
import id.berdaya.ui.grants.ProposalListView;
import id.berdaya.ui.grants.ProposalView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /bantuan/usulan/{id} for a province-approved proposal: the operator records the handover and downloads the BAST; the public check. */
class HandoverScreensViewTest extends ViewTestSupport {

    @Autowired ProposalService proposals;
    @Autowired HandoverService handovers;
    @Autowired HandoverScanService scans;
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
        // one sack of feed short, without a reason, and no photo: refused, nothing recorded
        test($(IntegerField.class).id("handover-quantity-1")).setValue(3);
        test($(Button.class).id("handover-record")).click();
        assertThat(proposals.get(p.id()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat($(Span.class).id("handover-photos-error").getText()).isEqualTo("Lampirkan minimal satu foto serah terima.");
        assertThat($(Span.class).id("handover-photos-label").getText()).isEqualTo("Foto serah terima (1–3, JPG/PNG)");
        assertThat($(Checkbox.class).id("handover-keep-photo-position").getLabel())
                .isEqualTo("Simpan lokasi GPS dari foto (dengan persetujuan)");
        test($(TextField.class).id("handover-reason-1")).setValue("Stok pakan pemasok kurang (uji)");
        // a file that is not a photo is refused at once and not kept; a photo is accepted
        Upload photos = $(Upload.class).id("handover-photos");
        test(photos).upload("bukan-foto.jpg", "image/jpeg", "%PDF-1.4\n% bukan foto\n".getBytes(StandardCharsets.US_ASCII));
        assertThat($(Span.class).id("handover-photos-error").getText()).contains("bukan foto JPG atau PNG");
        test(photos).upload("foto-serah-terima.jpg", "image/jpeg",
                TestPhotos.jpegWithExif(48, 32, "2026:03:14 09:15:30", -7.388123, 109.362456, 1));
        assertThat($(Span.class).id("handover-photos-error").getText()).isEmpty();
        test($(Button.class).id("handover-record")).click();

        assertThat($(Span.class).id("proposal-state").getText()).isEqualTo("Sudah diserahterimakan");
        Handover h = handovers.ofProposal(p.id()).orElseThrow();
        assertThat(h.recordedBy()).isEqualTo(operator.getUsername());
        assertThat(h.items().get(1).quantity()).isEqualTo(3);
        assertThat($(Span.class).id("handover-number").getText()).contains(h.number());
        assertThat($(Anchor.class).id("handover-pdf").getElement().hasAttribute("download")).isTrue();
        assertThat($(Button.class).withId("handover-record").exists()).isFalse();
        assertThat($(com.vaadin.flow.component.upload.Upload.class).withId("handover-scan-upload").exists()).isTrue();
        // the photo: its capture time kept, its position not (no consent), shown on the page
        assertThat(h.photos()).singleElement().satisfies(ph -> {
            assertThat(ph.takenAt()).isEqualTo(java.time.LocalDateTime.of(2026, 3, 14, 9, 15, 30));
            assertThat(ph.position()).isNull();
        });
        assertThat($(Image.class).withId("handover-photo-" + h.photos().getFirst().id()).exists()).isTrue();
        // a scan uploaded through the service is listed for download
        var scan = scans.upload(h.id(), "bast-ttd.pdf", "%PDF-1.4\n% uji\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        navigate(ProposalView.class, Map.of("id", String.valueOf(p.id())));
        assertThat($(Anchor.class).id("handover-scan-" + scan.id()).getText()).startsWith("bast-ttd.pdf");

        // the district head sees the record and the scan (/bantuan/serah-terima/{id} opens the proposal), and may not upload
        loginAs("uji.layar.head.pbg", Role.DISTRICT_HEAD, "33.03");
        navigate("bantuan/serah-terima/" + h.id(), ProposalView.class);
        assertThat($(Span.class).id("handover-number").getText()).contains(h.number());
        assertThat($(Anchor.class).withId("handover-scan-" + scan.id()).exists()).isTrue();
        assertThat($(com.vaadin.flow.component.upload.Upload.class).withId("handover-scan-upload").exists()).isFalse();
        assertThat($(Image.class).withId("handover-photo-" + h.photos().getFirst().id()).exists()).isTrue();
        // the operator is offered no void, the head is
        assertThat($(Button.class).withId("handover-void").exists()).isTrue();

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
        // the address /verifikasi/{code} answers a BAST's code too (the certificates' check forwards it)
        HandoverVerificationView shortAddress = navigate("verifikasi/" + h.code(), HandoverVerificationView.class);
        assertThat(shortAddress.getElement().getTextRecursively()).contains("SAH", h.number()).doesNotContain(p.beneficiaryName());
        HandoverVerificationView unknown = navigate("verifikasi/bast/AAAAAAAAAAAAAAAAAAAAAAAA", HandoverVerificationView.class);
        assertThat(unknown.getElement().getTextRecursively()).contains("tidak ditemukan").doesNotContain(h.number());

        // the head voids it with a reason: the proposal is approved by the province again, the public check says void
        loginAs("uji.layar.head.pbg", Role.DISTRICT_HEAD, "33.03");
        navigate(ProposalView.class, Map.of("id", String.valueOf(p.id())));
        test($(TextArea.class).id("handover-void-reason")).setValue("Penerima salah dicatat (uji layar)");
        test($(Button.class).id("handover-void")).click();
        assertThat(proposals.get(p.id()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat($(Span.class).withId("handover-voided-" + h.id()).exists()).isTrue();
        TestAccounts.logout();
        HandoverVerificationView voided = navigate("verifikasi/bast/" + h.code(), HandoverVerificationView.class);
        assertThat(voided.getElement().getTextRecursively()).contains("DIBATALKAN", h.number()).doesNotContain("SAH:");
    }

    @Test
    void theOperatorSelectsProvinceApprovedProposalsOnTheListAndRecordsAGroupHandover() {
        GrantsFixture.Catalogue c = fixture.year("33.03", 100_000_000);
        Proposal first = provinceApproved(c);
        Proposal second = provinceApproved(c);

        // the district head may not record a group handover: no selection, no button
        loginAs("uji.layar.head.pbg", Role.DISTRICT_HEAD, "33.03");
        navigate(ProposalListView.class);
        assertThat($(Button.class).withId("proposal-group-handover").exists()).isFalse();

        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        navigate(ProposalView.class, Map.of("id", String.valueOf(first.id()))); // a fresh list view for the new user
        navigate(ProposalListView.class);
        @SuppressWarnings("unchecked")
        Grid<Proposal> grid = $(Grid.class).id("proposal-grid");
        Button action = $(Button.class).id("proposal-group-handover");
        assertThat(action.isEnabled()).isFalse();
        // (the list shows the newest 500 of all the tests' proposals: select these two as the user would have found them)
        grid.select(proposals.get(first.id()).orElseThrow());
        grid.select(proposals.get(second.id()).orElseThrow());
        assertThat(action.isEnabled()).isTrue();
        test(action).click();

        test($(TextField.class).id("handover-place")).setValue("Pendopo Kecamatan Uji Layar");
        test($(TextField.class).id("handover-giver-name")).setValue("Budi Penyerah Uji");
        test($(TextField.class).id("handover-giver-position")).setValue("Kepala Seksi Rehabilitasi Sosial");
        test($(TextField.class).id("handover-giver-office")).setValue("Dinas Sosial Kabupaten Purbalingga");
        test($(TextField.class).id("handover-witness-name")).setValue("Siti Saksi Uji");
        test($(TextField.class).id("handover-witness-position")).setValue("Camat Uji");
        test($(Upload.class).id("handover-photos")).upload("foto-kelompok.png", "image/png",
                TestPhotos.plain("png", 40, 30, java.awt.Color.BLUE));
        test($(Button.class).id("group-handover-record")).click();

        Handover a = handovers.ofProposal(first.id()).orElseThrow();
        Handover b = handovers.ofProposal(second.id()).orElseThrow();
        assertThat(a.groupId()).isNotNull().isEqualTo(b.groupId());
        assertThat(Integer.parseInt(b.number().substring(0, 3))).isEqualTo(Integer.parseInt(a.number().substring(0, 3)) + 1);
        assertThat(a.photos()).extracting(ph -> ph.sha256()).isEqualTo(b.photos().stream().map(ph -> ph.sha256()).toList());
    }
}
