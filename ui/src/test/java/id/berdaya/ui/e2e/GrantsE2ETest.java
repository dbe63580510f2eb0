package id.berdaya.ui.e2e;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import id.berdaya.core.file.TestPhotos;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.approval.ApprovalService;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.InboxFilter;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalFilter;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.training.TrainingFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grants in the browser, as issue 11 describes it: the Purbalingga operator drafts and submits
 * proposals for two trained people; the Purbalingga head returns one with a reason (Alt+K) and
 * approves the other (Alt+S) in the inbox; the operator revises and resubmits the returned one and
 * the head approves it; the provincial officer bulk-approves both; the operator records the
 * handover of one; the BAST PDF is downloaded, its QR code decoded, and the public page it points
 * to says the record is genuine, without a category; the Pekalongan head never sees any of it.
 */
class GrantsE2ETest extends ManyUsersTestSupport {

    private static final String PBG = "33.03";
    private static final String RETURN_REASON = "Pakan untuk tiga bulan pertama kurang: tambah satu sak konsentrat.";

    @Autowired TrainingFixture training;
    @Autowired RegistryFixture people;
    @Autowired BeneficiaryService register;
    @Autowired ProposalService proposals;
    @Autowired ApprovalService approvals;
    @Autowired HandoverService handovers;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;
    @Autowired id.berdaya.grants.budget.BudgetService budget;

    /**
     * Room in Purbalingga's pagu of this year for the two proposals, whatever the demo's handovers
     * and other tests in this database took from it (it once ran out here, and the approval was refused).
     */
    private void roomInThePagu() {
        int year = java.time.LocalDate.now(IndonesianFormat.WIB).getYear();
        TestAccounts.loginAs(accounts.ensure("uji.hibah.e2e.admin", Role.PROVINCE_ADMIN, null));
        long committed = budget.ceiling(PBG, year).map(c -> c.pagu() - proposals.remainingPagu(PBG, year).orElse(c.pagu())).orElse(0L);
        budget.setCeiling(PBG, year, committed + 50_000_000L, budget.ceiling(PBG, year).map(c -> c.version()).orElse(null));
        TestAccounts.logout();
    }

    /** Two verified people of Purbalingga with unmistakable synthetic names who completed a training. */
    private List<Person> trainedPeople() {
        String suffix = String.valueOf(System.nanoTime() % 100_000);
        TestAccounts.loginAs(accounts.ensure("uji.hibah.e2e.op", Role.DISTRICT_OPERATOR, PBG));
        List<Person> made = new ArrayList<>();
        for (String flower : List.of("Anggrek", "Bakung")) {
            NewBeneficiary n = people.person(PBG, "Uji Hibah " + flower + " " + suffix, RegistryFixture.birth(), Sex.P);
            made.add(new Person(register.register(n).id(), n.fullName(), n.nik()));
        }
        TestAccounts.loginAs(accounts.ensure("uji.hibah.e2e.head", Role.DISTRICT_HEAD, PBG));
        for (Person p : made) {
            register.verify(p.id(), register.get(p.id()).orElseThrow().version());
        }
        TestAccounts.logout();
        training.closedEventWithCertificates(PBG, made.stream().map(Person::id).toList());
        return made;
    }

    private record Person(long id, String name, String nik) {
    }

    @Test
    void twoProposalsGoFromDraftThroughBothApprovalsToAHandoverWhoseQrCodeOpensThePublicCheck() throws Exception {
        roomInThePagu();
        List<Person> trained = trainedPeople();
        Person returned = trained.get(0);
        Person approved = trained.get(1);

        // the operator drafts and submits both
        as("operator.purbalingga");
        long returnedId = draftAndSubmit(returned, "Domba garut", 1, "Pakan konsentrat (sak 50 kg)", 2, "Rp 3.040.000");
        long approvedId = draftAndSubmit(approved, "Kambing Peranakan Etawa betina", 1, "Kandang kambing panggung", 1, "Rp 4.550.000");

        // the head returns one with a reason and approves the other, with the keyboard
        as("kadinsos.purbalingga");
        page.navigate(url("/persetujuan"));
        int waiting = Integer.parseInt(page.locator("#nav-waiting-count").innerText().trim());
        narrowInbox(false);
        open(returned);
        assertThat(page.locator("#inbox-panel")).containsText("lulus pelatihan");
        assertThat(page.locator("#inbox-remaining")).containsText("Sisa pagu: Rp ");
        assertThat(page.locator("#inbox-panel")).not().containsText(returned.nik());
        page.locator("#inbox-reason textarea").fill(RETURN_REASON);
        page.keyboard().press("Alt+k");
        assertThat(page.getByText("Usulan " + returned.name() + " dikembalikan untuk perbaikan.")).isVisible();
        assertThat(row(returned)).hasCount(0);
        open(approved);
        page.keyboard().press("Alt+s");
        assertThat(page.getByText("Usulan " + approved.name() + " disetujui.")).isVisible();
        assertThat(row(approved)).hasCount(0);
        assertThat(page.locator("#nav-waiting-count")).hasText(String.valueOf(waiting - 2));

        // the operator sees the reason, revises and resubmits
        as("operator.purbalingga");
        page.navigate(url("/bantuan/usulan/" + returnedId));
        assertThat(page.locator("#proposal-state")).hasText("Draf");
        assertThat(page.getByText("Alasan terakhir: " + RETURN_REASON)).isVisible();
        addItem("Pakan konsentrat (sak 50 kg)", 3);
        assertThat(page.locator("#proposal-total")).hasText("Nilai: Rp 3.360.000");
        page.locator("#proposal-submit").click();
        assertThat(page.locator("#proposal-state")).hasText("Diajukan");

        // the head approves it, this time with the button
        as("kadinsos.purbalingga");
        page.navigate(url("/persetujuan"));
        narrowInbox(false);
        open(returned);
        assertThat(page.locator("#inbox-panel")).containsText(RETURN_REASON); // the history keeps the return
        assertThat(page.locator("#inbox-panel")).containsText("Rp 3.360.000");
        page.locator("#inbox-approve").click();
        assertThat(page.getByText("Usulan " + returned.name() + " disetujui.")).isVisible();
        assertThat(row(returned)).hasCount(0);

        // the provincial officer approves both at once
        as("verifikator.provinsi");
        page.navigate(url("/persetujuan"));
        narrowInbox(true);
        tick(returned);
        tick(approved);
        page.locator("#inbox-approve-ticked").click();
        assertThat(page.locator("#inbox-summary")).containsText("2 dari 2 usulan disetujui.");
        assertThat(row(returned)).hasCount(0);
        assertThat(row(approved)).hasCount(0);

        // the operator records the handover of one
        as("operator.purbalingga");
        page.navigate(url("/bantuan/usulan/" + approvedId));
        assertThat(page.locator("#proposal-state")).hasText("Disetujui provinsi");
        fillHandoverForm();
        page.locator("#handover-record").click();
        assertThat(page.locator("#handover-number")).containsText(Pattern.compile("Nomor BAST: \\d{3}/BAST-STIM/3303/\\d{4}"));
        assertThat(page.locator("#proposal-state")).hasText("Sudah diserahterimakan");
        TestAccounts.loginAs(accounts.ensure("uji.hibah.e2e.op", Role.DISTRICT_OPERATOR, PBG));
        Handover handover = handovers.ofProposal(approvedId).orElseThrow();
        assertThat(handover.photos()).as("the photo uploaded in the form").hasSize(1);
        TestAccounts.logout();
        page.navigate(url("/bantuan/serah-terima/" + handover.id())); // the record's own address opens its proposal
        assertThat(page.locator("#handover-number")).hasText("Nomor BAST: " + handover.number());

        // the BAST PDF, its QR code, and the public page it points to
        Download download = page.waitForDownload(() -> page.locator("#handover-pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());
        Files.createDirectories(Path.of("target/e2e"));
        Files.write(Path.of("target/e2e/bast.pdf"), pdf); // for a look after a failure
        String decoded = qrCode(pdf);
        String path = URI.create(decoded).getPath();
        assertThat(path).isEqualTo("/verifikasi/bast/" + handover.code());
        as(null); // anyone, without login
        page.navigate(url(path));
        assertThat(page.locator("#verify-valid")).hasText("SAH: berita acara serah terima ini tercatat.");
        String publicText = page.locator("#verification-result").innerText();
        assertThat(publicText).contains(handover.number()).contains(IndonesianFormat.date(handover.handedOn()))
                .contains("Kabupaten Purbalingga").doesNotContain(approved.name()).doesNotContain(approved.nik())
                .doesNotContain("BWBLP").doesNotContain("Pemasyarakatan").doesNotContain("Kambing");
        assertThat(page.locator("meta[name=robots]")).hasAttribute("content", "noindex, nofollow");

        // the Pekalongan head sees none of it
        as("kadinsos.pekalongan");
        TestAccounts.loginAs(accounts.ensure("uji.hibah.e2e.head.pkl", Role.DISTRICT_HEAD, "33.26"));
        List<Proposal> pekalonganInbox = approvals.inbox(new InboxFilter(null, null, null, null, null));
        TestAccounts.logout();
        assertThat(pekalonganInbox).as("the demo's Pekalongan proposals waiting for its head").isNotEmpty();
        page.navigate(url("/persetujuan"));
        assertThat(page.locator("#inbox-grid vaadin-grid-cell-content:visible")
                .getByText(pekalonganInbox.getFirst().beneficiaryName(), new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        for (Person p : trained) {
            assertThat(row(p)).hasCount(0);
        }
        page.navigate(url("/bantuan"));
        // the district's own proposals (the district column is hidden for a district's user)
        assertThat(page.locator("#proposal-grid vaadin-grid-cell-content:visible")
                .getByText(pekalonganInbox.getFirst().beneficiaryName(), new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        for (Person p : trained) {
            assertThat(page.locator("#proposal-grid vaadin-grid-cell-content").getByText(p.name())).hasCount(0);
        }
        page.navigate(url("/bantuan/usulan/" + approvedId));
        assertThat(page.getByText("Data tidak ditemukan.")).isVisible();
        page.navigate(url("/bantuan/serah-terima/" + handover.id()));
        assertThat(page.getByText("Data tidak ditemukan.")).isVisible();

        // the resulting states, through the services
        TestAccounts.loginAs(accounts.ensure("uji.hibah.e2e.verif", Role.PROVINCE_OFFICER, null));
        Proposal r = proposals.get(returnedId).orElseThrow();
        Proposal a = proposals.get(approvedId).orElseThrow();
        assertThat(r.state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat(r.total()).isEqualTo(3_360_000);
        assertThat(r.returns()).isEqualTo(1);
        assertThat(a.state()).isEqualTo(ProposalState.HANDED_OVER);
        for (Proposal p : List.of(r, a)) {
            assertThat(p.submittedBy()).isEqualTo("operator.purbalingga");
            assertThat(p.districtDecidedBy()).isEqualTo("kadinsos.purbalingga");
            assertThat(p.provinceDecidedBy()).isEqualTo("verifikator.provinsi");
        }
        assertThat(proposals.history(returnedId)).extracting(HistoryEntry::to).containsExactly(ProposalState.DRAFT,
                ProposalState.SUBMITTED, ProposalState.DRAFT, ProposalState.SUBMITTED, ProposalState.DISTRICT_APPROVED,
                ProposalState.PROVINCE_APPROVED);
        assertThat(proposals.history(returnedId)).filteredOn(h -> RETURN_REASON.equals(h.reason())).singleElement()
                .satisfies(h -> assertThat(h.actor()).isEqualTo("kadinsos.purbalingga"));
        String op = "operator.purbalingga";
        String head = "kadinsos.purbalingga";
        String province = "verifikator.provinsi";
        assertThat(audited("GRANTS_PROPOSAL", returnedId)).containsSubsequence(op + " GRANTS_PROPOSAL_CREATED",
                op + " GRANTS_PROPOSAL_SUBMITTED", head + " GRANTS_PROPOSAL_RETURNED", op + " GRANTS_PROPOSAL_SUBMITTED",
                head + " GRANTS_PROPOSAL_APPROVED_DISTRICT", province + " GRANTS_PROPOSAL_APPROVED_PROVINCE");
        assertThat(audited("GRANTS_PROPOSAL", approvedId)).containsSubsequence(op + " GRANTS_PROPOSAL_CREATED",
                op + " GRANTS_PROPOSAL_SUBMITTED", head + " GRANTS_PROPOSAL_APPROVED_DISTRICT", province + " GRANTS_PROPOSAL_APPROVED_PROVINCE",
                op + " GRANTS_PROPOSAL_HANDED_OVER");
        assertThat(audited("GRANTS_HANDOVER", handover.id())).containsSubsequence(op + " GRANTS_HANDOVER_RECORDED", op + " GRANTS_HANDOVER_PRINTED");
        assertThat(handover.computeSeal()).isEqualTo(handover.seal());
        assertThat(handover.receiverName()).isEqualTo(approved.name());
        TestAccounts.loginAs(accounts.ensure("uji.hibah.e2e.head.pkl", Role.DISTRICT_HEAD, "33.26"));
        assertThat(proposals.get(returnedId)).isEmpty();
        assertThat(proposals.get(approvedId)).isEmpty();
        assertThat(proposals.list(new ProposalFilter(null, null, null, null))).extracting(Proposal::id)
                .doesNotContain(returnedId, approvedId);
        assertThat(approvals.inbox(new InboxFilter(null, null, null, null, null))).extracting(Proposal::id)
                .doesNotContain(returnedId, approvedId);
        TestAccounts.logout();
    }

    /** The audit trail of one entity, oldest first, as "user ACTION". */
    private List<String> audited(String entityType, long id) {
        return JdbcClient.create(dataSource).sql("SELECT CONCAT(username, ' ', action) FROM audit_event WHERE entity_type = ? AND entity_id = ? ORDER BY id")
                .params(entityType, String.valueOf(id)).query(String.class).list();
    }

    /** On the new-proposal page of a person: a goat-rearing plan with two items, saved as a draft and submitted; returns the proposal's id. */
    private long draftAndSubmit(Person person, String item1, int quantity1, String item2, int quantity2, String total) {
        page.navigate(url("/bantuan/usulan/baru?penerima=" + person.id()));
        assertThat(page.locator("#proposal-person")).containsText(person.name());
        assertThat(page.locator("#proposal-person")).not().containsText("belum");
        page.locator("#proposal-business-type input").fill("Ternak kambing");
        page.locator("vaadin-combo-box-item").getByText("Ternak kambing/domba").click();
        page.locator("#proposal-plan textarea").fill("Beternak kambing dan domba untuk dijual menjelang Iduladha; kandang di pekarangan (rencana uji).");
        page.locator("#proposal-location input").fill("Desa Uji RT 01 RW 02, Kabupaten Purbalingga");
        addItem(item1, quantity1);
        addItem(item2, quantity2);
        assertThat(page.locator("#proposal-total")).hasText("Nilai: " + total);
        page.locator("#proposal-save").click();
        page.waitForURL(u -> u.matches(".*/bantuan/usulan/[0-9]+$"));
        assertThat(page.locator("#proposal-state")).hasText("Draf");
        String path = URI.create(page.url()).getPath();
        page.locator("#proposal-submit").click();
        assertThat(page.locator("#proposal-state")).hasText("Diajukan");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Adds a catalogue item with a quantity to the proposal form (an item already there takes the new quantity). */
    private void addItem(String name, int quantity) {
        page.locator("#proposal-item input").fill(name);
        page.locator("vaadin-combo-box-item").getByText(name + " (", new Locator.GetByTextOptions().setExact(false)).first().click();
        assertThat(page.locator("#proposal-item input")).hasValue(Pattern.compile(literal(name) + " \\(Rp .*"));
        page.locator("#proposal-quantity input").fill(String.valueOf(quantity));
        page.locator("#proposal-add-item").click();
        assertThat(page.locator("#proposal-lines vaadin-grid-cell-content").getByText(name, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.locator("#proposal-item input")).hasValue("");
    }

    /** {@code text} as a regular expression matching itself; Playwright hands patterns to JavaScript, which knows no \\Q...\\E. */
    private static String literal(String text) {
        return text.replaceAll("[()\\[\\].*+?^$|{}\\\\]", "\\\\$0");
    }

    /**
     * The handover form on a province-approved proposal's page: date (today, preset), place, the
     * handing party and the witness; the approved quantities stay as they are. Everything the
     * form asks for is filled here (a required photo upload belongs here too).
     */
    private void fillHandoverForm() {
        page.locator("#handover-place input").fill("Balai Desa Uji, Kecamatan Uji");
        page.locator("#handover-giver-name input").fill("Petugas Uji Dinas Sosial");
        page.locator("#handover-giver-position input").fill("Kepala Seksi Rehabilitasi Sosial");
        page.locator("#handover-giver-office input").fill("Dinas Sosial Kabupaten Purbalingga");
        page.locator("#handover-witness-name input").fill("Kepala Desa Uji");
        page.locator("#handover-witness-position input").fill("Kepala Desa");
        // one photo (required): a drawn PNG, chosen through the upload's own file dialog
        Path photo = Path.of("target/e2e/serah-terima-uji.png");
        try {
            Files.createDirectories(photo.getParent());
            Files.write(photo, TestPhotos.plain("png", 64, 48, java.awt.Color.ORANGE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.waitForFileChooser(() -> page.locator("#handover-photos vaadin-button").first().click()).setFiles(photo);
        assertThat(page.locator("#handover-photos-list")).containsText("serah-terima-uji.png");
    }

    /**
     * Filters the inbox down to goat rearing of at least Rp 3.000.000 (of Purbalingga, for the
     * province), as a reviewer with a long list would, and waits until the grid shows the result.
     */
    private void narrowInbox(boolean province) {
        if (province) {
            page.locator("#inbox-kabkota input").fill("Purbalingga");
            page.locator("vaadin-combo-box-item").getByText("Kabupaten Purbalingga").click();
        }
        page.locator("#inbox-business-type input").fill("Ternak kambing");
        page.locator("vaadin-combo-box-item").getByText("Ternak kambing/domba").click();
        page.locator("#inbox-min-total input").fill("3000000");
        page.locator("#inbox-min-total input").press("Enter");
        waitForServer();
        assertThat(page.locator("#inbox-grid vaadin-grid-cell-content:visible").getByText(Pattern.compile(
                "^(Rp ([0-2]\\.\\d{3}\\.\\d{3}|\\d{1,3}\\.\\d{3})|Warung.*|Ternak (unggas|sapi)|Menjahit|Olahan pangan|Salon|Bengkel|Budidaya ikan"
                        + "|Lainnya|Kabupaten (?!Purbalingga).*|Kota .*)$"))).hasCount(0);
    }

    /** Waits until the browser has no request to the server pending (as Vaadin TestBench's waitForVaadin does). */
    private void waitForServer() {
        page.waitForFunction("() => Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** The inbox grid's cell that shows this person's name (none when the proposal is not listed; the grid keeps hidden rows for reuse). */
    private Locator row(Person p) {
        return page.locator("#inbox-grid vaadin-grid-cell-content:visible").getByText(p.name(), new Locator.GetByTextOptions().setExact(true));
    }

    /** Opens this person's proposal in the inbox's side panel; the list beside it still shows the name whole, and every column. */
    private void open(Person p) {
        row(p).click();
        assertThat(page.locator("#inbox-panel h3").first()).hasText(p.name());
        page.waitForFunction("""
                name => {
                  const grid = document.getElementById('inbox-grid');
                  const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')].find(c => c.textContent.trim() === name && c.checkVisibility());
                  const table = grid.shadowRoot.getElementById('table');
                  return cell.scrollWidth <= cell.clientWidth && table.scrollWidth <= table.clientWidth;
                }""", p.name(), new Page.WaitForFunctionOptions().setTimeout(10_000));
    }

    /** Ticks the selection checkbox of this person's row in the inbox (the checkbox sits in another cell of the same grid row). */
    private void tick(Person p) {
        assertThat(row(p)).isVisible();
        ElementHandle box = page.evaluateHandle("""
                ([gridId, name]) => {
                  const grid = document.getElementById(gridId);
                  const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')].find(c => c.textContent.trim() === name && c.checkVisibility());
                  const tr = grid.shadowRoot.querySelector(`slot[name="${cell.slot}"]`).closest('tr');
                  for (const slot of tr.querySelectorAll('slot')) {
                    const box = grid.querySelector(`vaadin-grid-cell-content[slot="${slot.name}"] vaadin-checkbox`);
                    if (box) return box;
                  }
                  return null;
                }""", List.of("inbox-grid", p.name())).asElement();
        assertThat(box).as("the selection checkbox of " + p.name()).isNotNull();
        box.click();
        page.waitForCondition(() -> box.getAttribute("checked") != null);
    }

    /** The BAST's QR code is small (80 pt) on a page full of text: the reader looks harder than it does by default. */
    private static final Map<DecodeHintType, Object> HARDER = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    /** The text of the QR code on the first page of the PDF that carries one. */
    private static String qrCode(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 200);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                try {
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))), HARDER).getText();
                } catch (NotFoundException none) {
                    // the next page
                }
            }
        }
        throw new AssertionError("no QR code in the BAST PDF");
    }
}
