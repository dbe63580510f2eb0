package id.berdaya.grants;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverItem;
import id.berdaya.grants.handover.HandoverRecorded;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.handover.scan.HandoverScanService;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalAction;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.training.certificate.CertificateService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static id.berdaya.grants.ProposalServiceTest.keysOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Handovers (BAST): who may record one, the goods handed over, the number sequence, the state move, the PDF and its public check. */
@SpringBootTest(classes = GrantsTestApplication.class)
@RecordApplicationEvents
class HandoverServiceTest {

    static final String PBG = "33.03";
    static final String PKL = "33.26";

    @Autowired HandoverService handovers;
    @Autowired HandoverScanService scans;
    @Autowired ProposalService proposals;
    @Autowired GrantsFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired CertificateService certificates;
    @Autowired ApplicationEvents events;

    BerdayaUser operator;
    BerdayaUser head;
    BerdayaUser field;
    BerdayaUser operatorPkl;
    BerdayaUser officer;

    @BeforeEach
    void users() {
        operator = accounts.ensure("uji.hibah.op.pbg", Role.DISTRICT_OPERATOR, PBG);
        head = accounts.ensure("uji.hibah.head.pbg", Role.DISTRICT_HEAD, PBG);
        field = accounts.ensure("uji.hibah.lap.pbg", Role.FIELD_OFFICER, PBG);
        operatorPkl = accounts.ensure("uji.hibah.op.pkl", Role.DISTRICT_OPERATOR, PKL);
        officer = accounts.ensure("uji.hibah.verif", Role.PROVINCE_OFFICER, null);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    /** Province-approved proposals of trained people of Purbalingga: one goat and four sacks of feed each. */
    private List<Proposal> approved(GrantsFixture.Catalogue c, int n) {
        return fixture.provinceApproved(c, PBG, n, operator, head, officer);
    }

    static NewHandover handover(Proposal p, GrantsFixture.Catalogue c, int feed, String reason) {
        return new NewHandover(p.id(), p.version(), LocalDate.of(c.year(), 3, 14), "Balai Desa Uji, Kecamatan Uji",
                "Budi Penyerah Uji", "Kepala Seksi Rehabilitasi Sosial", "Dinas Sosial Kabupaten Purbalingga",
                "Siti Saksi Uji", "Kepala Desa Uji",
                List.of(new NewHandover.Line(c.goat().id(), 1, null), new NewHandover.Line(c.feed().id(), feed, reason)), null,
                GrantsFixture.photos(1), false);
    }

    @Test
    void recordingAHandoverNumbersItPerDistrictAndYearSealsItAndMovesTheProposal() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        List<Proposal> two = approved(c, 2);
        String code = PBG.replace(".", "");

        TestAccounts.loginAs(operator);
        assertThat(proposals.allowedActions(two.get(0))).containsExactly(ProposalAction.HAND_OVER);
        Handover first = handovers.record(handover(two.get(0), c, 4, null));
        assertThat(first.number()).isEqualTo("001/BAST-STIM/" + code + "/" + c.year());
        assertThat(first.receiverName()).isEqualTo(two.get(0).beneficiaryName());
        assertThat(first.seal()).hasSize(64).isEqualTo(first.computeSeal());
        assertThat(first.code()).matches("[A-Za-z0-9_-]{24}");

        Proposal moved = proposals.get(two.get(0).id()).orElseThrow();
        assertThat(moved.state()).isEqualTo(ProposalState.HANDED_OVER);
        assertThat(proposals.allowedActions(moved)).isEmpty();
        HistoryEntry last = proposals.history(moved.id()).getLast();
        assertThat(last.from()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat(last.to()).isEqualTo(ProposalState.HANDED_OVER);
        assertThat(last.actor()).isEqualTo(operator.getUsername());
        // once handed over it cannot be handed over again
        assertThat(keysOf(() -> handovers.record(handover(moved, c, 4, null)))).containsExactly("grants.handover.notAllowed");

        // the field officer of the district may record one too; the next number of the district's year
        TestAccounts.loginAs(field);
        Handover second = handovers.record(handover(two.get(1), c, 4, null));
        assertThat(second.number()).isEqualTo("002/BAST-STIM/" + code + "/" + c.year());

        // monitoring asks which handovers happened, and when
        TestAccounts.loginAs(officer);
        LocalDate day = LocalDate.of(c.year(), 3, 14);
        assertThat(handovers.handovers(day, day)).extracting(Handover::number).containsExactly(first.number(), second.number());
        assertThat(handovers.handovers(day.plusDays(1), day.plusDays(30))).isEmpty();
        Handover read = handovers.ofProposal(two.get(0).id()).orElseThrow();
        assertThat(read.items()).hasSize(2);
        assertThat(read.computeSeal()).isEqualTo(first.seal());
    }

    @Test
    void aRecordedHandoverIsPublishedForMonitoringWithThePersonAndTheGoods() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal p = approved(c, 1).getFirst();
        TestAccounts.loginAs(operator);
        assertThat(events.stream(HandoverRecorded.class)).isEmpty();
        Handover h = handovers.record(handover(p, c, 4, null));
        assertThat(events.stream(HandoverRecorded.class)).singleElement().satisfies(e -> {
            assertThat(e.handoverId()).isEqualTo(h.id());
            assertThat(e.proposalId()).isEqualTo(p.id());
            assertThat(e.beneficiaryId()).isEqualTo(p.beneficiaryId());
            assertThat(e.kabkotaCode()).isEqualTo(PBG);
            assertThat(e.handedOn()).isEqualTo(h.handedOn());
            assertThat(e.items()).isEqualTo(h.items());
        });
    }

    @Test
    void aQuantityThatDiffersNeedsAReasonAndEveryApprovedItemALine() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal p = approved(c, 1).getFirst();
        TestAccounts.loginAs(operator);
        assertThat(keysOf(() -> handovers.record(handover(p, c, 3, null)))).containsExactly("grants.handover.reasonRequired");
        assertThat(keysOf(() -> handovers.record(handover(p, c, 3, "  ")))).containsExactly("grants.handover.reasonRequired");
        NewHandover missing = new NewHandover(p.id(), p.version(), LocalDate.of(c.year(), 3, 14), "Balai Desa Uji", "Budi",
                "Kasi", "Dinas Sosial", "Siti", "Kepala Desa", List.of(new NewHandover.Line(c.goat().id(), 1, null)), null,
                GrantsFixture.photos(1), false);
        assertThat(keysOf(() -> handovers.record(missing))).containsExactly("grants.handover.lines");
        assertThat(proposals.get(p.id()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);

        Handover h = handovers.record(handover(p, c, 3, "Stok pakan pemasok kurang satu sak (uji)"));
        HandoverItem feed = h.items().get(1);
        assertThat(feed.approvedQuantity()).isEqualTo(4);
        assertThat(feed.quantity()).isEqualTo(3);
        assertThat(feed.reason()).isEqualTo("Stok pakan pemasok kurang satu sak (uji)");
        assertThat(h.items().get(0).reason()).isNull();
    }

    @Test
    void onlyTheOperatorOrFieldOfficerOfTheDistrictRecordsAndOnlyAProvinceApprovedProposal() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal p = approved(c, 1).getFirst();

        TestAccounts.loginAs(operatorPkl);
        assertThat(proposals.allowedActions(p)).doesNotContain(ProposalAction.HAND_OVER);
        assertThat(keysOf(() -> handovers.record(handover(p, c, 4, null)))).containsExactly("error.notFound");
        for (BerdayaUser u : List.of(head, officer)) {
            TestAccounts.loginAs(u);
            assertThat(proposals.allowedActions(p)).doesNotContain(ProposalAction.HAND_OVER);
            assertThatThrownBy(() -> handovers.record(handover(p, c, 4, null))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> proposals.markHandedOver(p.id(), p.version())).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(proposals.get(p.id()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);

        // a proposal approved only by the district is not handed over yet
        List<Long> people = fixture.trainedPeople(PBG, 1);
        TestAccounts.loginAs(operator);
        Proposal d = proposals.create(GrantsFixture.proposal(people.getFirst(), c.year(), List.of(new ItemLine(c.goat().id(), 1))));
        d = proposals.submit(d.id(), d.version());
        TestAccounts.loginAs(head);
        Proposal district = proposals.approve(d.id(), d.version());
        TestAccounts.loginAs(operator);
        assertThat(proposals.allowedActions(district)).doesNotContain(ProposalAction.HAND_OVER);
        NewHandover early = new NewHandover(district.id(), district.version(), LocalDate.of(c.year(), 3, 14), "Balai Desa Uji",
                "Budi", "Kasi", "Dinas Sosial", "Siti", "Kepala Desa", List.of(new NewHandover.Line(c.goat().id(), 1, null)), null,
                GrantsFixture.photos(1), false);
        assertThat(keysOf(() -> handovers.record(early))).containsExactly("grants.handover.notAllowed");
        assertThat(keysOf(() -> proposals.markHandedOver(district.id(), district.version()))).containsExactly("grants.handover.notAllowed");

        // another district reads nothing of it
        TestAccounts.loginAs(operator);
        Handover h = handovers.record(handover(p, c, 4, null));
        TestAccounts.loginAs(operatorPkl);
        assertThat(handovers.get(h.id())).isEmpty();
        assertThat(handovers.ofProposal(p.id())).isEmpty();
        assertThat(handovers.handovers(h.handedOn(), h.handedOn())).isEmpty();
        assertThatThrownBy(() -> handovers.pdf(h.id())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void theBastPdfHasTheIndonesianLayoutTheSealAndAQrCodeToThePublicCheckAndNoCategory() throws Exception {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal p = approved(c, 1).getFirst();
        TestAccounts.loginAs(operator);
        Handover h = handovers.record(handover(p, c, 3, "Stok pakan pemasok kurang satu sak (uji)"));

        try (PDDocument pdf = Loader.loadPDF(handovers.pdf(h.id()))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("BERITA ACARA SERAH TERIMA BANTUAN STIMULAN USAHA", "Nomor: " + h.number(),
                    "bulan Maret tahun " + id.berdaya.core.format.IndonesianFormat.words(c.year()),
                    "Balai Desa Uji, Kecamatan Uji", "PIHAK PERTAMA", "PIHAK KEDUA", "Budi Penyerah Uji",
                    "Kepala Seksi Rehabilitasi Sosial", "Dinas Sosial Kabupaten Purbalingga", p.beneficiaryName(),
                    "Nama Barang", "Volume", "Satuan", "Kambing Peranakan Etawa (uji)", "Pakan Konsentrat (uji)",
                    "Mengetahui", "Siti Saksi Uji", "Kepala Desa Uji", h.shortSeal(), "Kabupaten Purbalingga");
            assertThat(text).doesNotContain("Tuna Susila").doesNotContain("Pemasyarakatan").doesNotContain("BWBLP")
                    .doesNotContainIgnoringCase("PPKS").doesNotContainPattern("\\d{16}");

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
            // kept for a look at the layout (target/bast.png)
            javax.imageio.ImageIO.write(page, "png", java.nio.file.Path.of("target", "bast.png").toFile());
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            // the QR code sits in the seal block at the foot, left
            BufferedImage image = page.getSubimage(0, page.getHeight() / 2, page.getWidth() / 2, page.getHeight() / 2);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, true))
                    .getText();
            assertThat(decoded).isEqualTo("http://localhost:8080/verifikasi/bast/" + h.code());
        }
        // the seal recomputed from the stored record matches the printed one
        assertThat(handovers.get(h.id()).orElseThrow().computeSeal()).isEqualTo(h.seal());

        TestAccounts.logout();
        assertThat(handovers.verify(h.code(), "203.0.113.7")).get().satisfies(check -> {
            assertThat(check.valid()).isTrue();
            assertThat(check.number()).isEqualTo(h.number());
            assertThat(check.handedOn()).isEqualTo(h.handedOn());
            assertThat(check.issuer()).isEqualTo("Kabupaten Purbalingga");
        });
        assertThat(handovers.verify("AAAAAAAAAAAAAAAAAAAAAAAA", "203.0.113.7")).isEmpty();
        assertThat(handovers.verify("../../etc", "203.0.113.7")).isEmpty();
    }

    @Test
    void thePublicCheckIsRateLimitedPerClientAddressTogetherWithTheCertificateCheck() {
        for (int i = 0; i < 20; i++) {
            assertThat(handovers.verify("AAAAAAAAAAAAAAAAAAAAAAAA", "198.51.100.21")).isEmpty();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(certificates.verify("AAAAAAAAAAAAAAAAAAAAAAAA", "198.51.100.21")).isEmpty();
        }
        assertThat(keysOf(() -> handovers.verify("AAAAAAAAAAAAAAAAAAAAAAAA", "198.51.100.21"))).containsExactly("grants.verify.tooMany");
        // another address is not held back
        assertThat(handovers.verify("AAAAAAAAAAAAAAAAAAAAAAAA", "198.51.100.22")).isEmpty();
    }

    @Test
    void theSignedScanIsKeptBesideThePdfCheckedByItsContentAndScopedToTheDistrict() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal p = approved(c, 1).getFirst();
        TestAccounts.loginAs(operator);
        Handover h = handovers.record(handover(p, c, 4, null));
        assertThat(scans.mayUpload()).isTrue();

        byte[] pdf = "%PDF-1.4\n% pindaian uji\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var scan = scans.upload(h.id(), "C:\\scan\\bast ditandatangani.jpeg", pdf);
        assertThat(scan.contentType()).isEqualTo("application/pdf");
        assertThat(scan.fileName()).isEqualTo("bast ditandatangani.pdf");
        assertThat(scan.sha256()).isEqualTo(id.berdaya.core.file.FileContent.sha256(pdf));
        assertThat(keysOf(() -> scans.upload(h.id(), "bast.pdf", "bukan pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .containsExactly("grants.handover.scanWrongType");
        assertThat(keysOf(() -> scans.upload(h.id(), "bast.pdf", new byte[0]))).containsExactly("grants.handover.scanEmpty");
        assertThat(scans.of(h.id())).extracting(s -> s.id()).containsExactly(scan.id());
        assertThat(scans.download(scan.id()).content()).isEqualTo(pdf);

        // anyone may check whether a file is a kept signed scan of the record with that code
        TestAccounts.logout();
        assertThat(handovers.fileMatches(h.code(), pdf, "203.0.113.9")).contains(true);
        assertThat(handovers.fileMatches(h.code(), "%PDF-1.4\n% diubah\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "203.0.113.9")).contains(false);
        assertThat(handovers.fileMatches("AAAAAAAAAAAAAAAAAAAAAAAA", pdf, "203.0.113.9")).isEmpty();

        TestAccounts.loginAs(head);
        assertThat(scans.mayUpload()).isFalse();
        assertThat(scans.of(h.id())).hasSize(1);
        assertThatThrownBy(() -> scans.upload(h.id(), "bast.pdf", pdf)).isInstanceOf(AccessDeniedException.class);

        TestAccounts.loginAs(operatorPkl);
        assertThat(scans.of(h.id())).isEmpty();
        assertThat(keysOf(() -> scans.download(scan.id()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> scans.upload(h.id(), "bast.pdf", pdf))).containsExactly("error.notFound");
    }
}
