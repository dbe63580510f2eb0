package id.berdaya.grants;

import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.decree.DecreeAttachment;
import id.berdaya.grants.decree.DecreeRecipient;
import id.berdaya.grants.decree.DecreeService;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static id.berdaya.grants.ProposalServiceTest.keysOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attachment to the decree (lampiran SK): the province-approved and handed-over recipients of a
 * district's year with their desa/kelurahan, business type, value and total, as PDF and XLSX read
 * back with other libraries; never a NIK or a category; scoped; audited.
 */
@SpringBootTest(classes = GrantsTestApplication.class)
class DecreeServiceTest {

    static final String PBG = "33.03";
    static final String PKL = "33.26";
    static final Map<BusinessType, String> TYPES = Map.of(BusinessType.GOAT_SHEEP, "Ternak kambing/domba");
    static final XlsxSheet SHEET = new XlsxSheet("Lampiran SK", List.of("No", "Nama", "Desa/Kelurahan", "Jenis Usaha", "Nilai"));

    @Autowired DecreeService decree;
    @Autowired ProposalService proposals;
    @Autowired HandoverService handovers;
    @Autowired GrantsFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired AuditService audit;
    @Autowired DataSource dataSource;

    BerdayaUser operator;
    BerdayaUser head;
    BerdayaUser headPkl;
    BerdayaUser officer;

    @BeforeEach
    void users() {
        operator = accounts.ensure("uji.hibah.op.pbg", Role.DISTRICT_OPERATOR, PBG);
        head = accounts.ensure("uji.hibah.head.pbg", Role.DISTRICT_HEAD, PBG);
        headPkl = accounts.ensure("uji.hibah.head.pkl", Role.DISTRICT_HEAD, PKL);
        officer = accounts.ensure("uji.hibah.verif", Role.PROVINCE_OFFICER, null);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    /** Four trained people of Purbalingga: two approved by the province (one of them handed over), one only by the district, one submitted. */
    private List<Proposal> fourInEveryStep(GrantsFixture.Catalogue c) {
        List<Long> people = fixture.trainedPeople(PBG, 4);
        List<Proposal> out = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            TestAccounts.loginAs(operator);
            Proposal p = proposals.create(GrantsFixture.proposal(people.get(i), c.year(),
                    List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), i + 1))));
            p = proposals.submit(p.id(), p.version());
            if (i < 3) {
                TestAccounts.loginAs(head);
                p = proposals.approve(p.id(), p.version());
            }
            if (i < 2) {
                TestAccounts.loginAs(officer);
                p = proposals.approve(p.id(), p.version());
            }
            out.add(p);
        }
        TestAccounts.loginAs(operator);
        Proposal first = out.getFirst();
        handovers.record(new NewHandover(first.id(), first.version(), LocalDate.of(c.year(), 3, 14), "Balai Desa Uji",
                "Budi Penyerah Uji", "Kepala Seksi", "Dinas Sosial Kabupaten Purbalingga", "Siti Saksi Uji", "Kepala Desa Uji",
                List.of(new NewHandover.Line(c.goat().id(), 1, null), new NewHandover.Line(c.feed().id(), 1, null)), null, GrantsFixture.photos(1), false));
        TestAccounts.logout();
        return out;
    }

    @Test
    void theAttachmentListsTheProvinceApprovedRecipientsWithVillageValueAndTotal() throws Exception {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        List<Proposal> four = fourInEveryStep(c);
        TestAccounts.loginAs(officer);
        DecreeAttachment a = decree.attachment(PBG, c.year());
        assertThat(a.kabkotaName()).isEqualTo("Kabupaten Purbalingga");
        assertThat(a.recipients()).extracting(DecreeRecipient::proposalId)
                .containsExactlyInAnyOrder(four.get(0).id(), four.get(1).id());
        assertThat(a.recipients()).extracting(DecreeRecipient::no).containsExactly(1, 2);
        assertThat(a.recipients()).extracting(DecreeRecipient::value).containsExactlyInAnyOrder(2_750_000L, 3_000_000L);
        assertThat(a.total()).isEqualTo(5_750_000L);
        String desa = desaOf(four.getFirst().beneficiaryId());
        assertThat(a.recipients()).allMatch(r -> r.desa().equals(desa) && !desa.isBlank());

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        assertThat(decree.pdf(PBG, c.year(), TYPES, pdf)).isEqualTo(2);
        String text = pdfText(pdf.toByteArray()).replaceAll("\\s+", " ");
        assertThat(text).contains("LAMPIRAN KEPUTUSAN KEPALA DINAS SOSIAL PROVINSI JAWA TENGAH", "KABUPATEN PURBALINGGA",
                "TAHUN ANGGARAN " + c.year(), "Desa/Kelurahan", "Jenis Usaha", four.get(0).beneficiaryName(),
                four.get(1).beneficiaryName(), desa, "Ternak kambing/domba", "Rp 2.750.000", "Rp 3.000.000", "Rp 5.750.000");
        assertThat(text).doesNotContain(four.get(2).beneficiaryName(), four.get(3).beneficiaryName());
        assertNoNikNorCategory(text, four);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        assertThat(decree.xlsx(PBG, c.year(), SHEET, "Jumlah", TYPES, xlsx)).isEqualTo(2);
        List<List<String>> rows = xlsxRows(xlsx.toByteArray());
        assertThat(rows.getFirst()).containsExactly("No", "Nama", "Desa/Kelurahan", "Jenis Usaha", "Nilai");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("1", a.recipients().get(0).name(), desa, "Ternak kambing/domba",
                "Rp " + String.format(java.util.Locale.ROOT, "%,d", a.recipients().get(0).value()).replace(',', '.'));
        assertThat(rows.getLast()).containsExactly("", "Jumlah", "", "", "Rp 5.750.000");
        String cells = String.join("\n", rows.stream().map(r -> String.join("\t", r)).toList());
        assertThat(cells).doesNotContain(four.get(2).beneficiaryName(), four.get(3).beneficiaryName());
        assertNoNikNorCategory(cells, four);

        TestAccounts.loginAs(accounts.ensure("uji.hibah.admin", Role.PROVINCE_ADMIN, null));
        List<AuditEntry> exports = audit.page(new AuditFilter(officer.getUsername(), "GRANTS_DECREE_ATTACHMENT_EXPORTED", null, null, null), 0, 10);
        assertThat(exports).hasSizeGreaterThanOrEqualTo(2).allMatch(e -> PBG.equals(e.kabkotaCode()) || PBG.equals(e.subjectKabkotaCode()));
        assertThat(exports.subList(0, 2)).extracting(AuditEntry::newValue).anyMatch(v -> v.contains("PDF")).anyMatch(v -> v.contains("XLSX"));
    }

    @Test
    void aDistrictGetsOnlyItsOwnAttachmentAndAPartnerNone() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        List<Proposal> four = fourInEveryStep(c);
        TestAccounts.loginAs(head);
        assertThat(decree.attachment(PBG, c.year()).recipients()).hasSize(2);
        TestAccounts.loginAs(headPkl);
        assertThat(keysOf(() -> decree.attachment(PBG, c.year()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> decree.pdf(PBG, c.year(), TYPES, new ByteArrayOutputStream()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> decree.xlsx(PBG, c.year(), SHEET, "Jumlah", TYPES, new ByteArrayOutputStream())))
                .containsExactly("error.notFound");
        assertThat(decree.attachment(PKL, c.year()).recipients()).isEmpty();
        TestAccounts.loginAs(accounts.ensure("uji.hibah.admin", Role.PROVINCE_ADMIN, null));
        assertThat(audit.page(new AuditFilter(headPkl.getUsername(), "SCOPE_DENIED", null, null, null), 0, 10))
                .anyMatch(e -> PBG.equals(e.subjectKabkotaCode()));
        assertThat(audit.page(new AuditFilter(headPkl.getUsername(), "GRANTS_DECREE_ATTACHMENT_EXPORTED", PBG, null, null), 0, 10))
                .isEmpty();
        TestAccounts.loginAs(accounts.ensure("uji.hibah.mitra.pbg", Role.PARTNER, PBG));
        assertThatThrownBy(() -> decree.attachment(PBG, c.year())).isInstanceOf(AccessDeniedException.class);
        assertThat(four).hasSize(4);
    }

    /** Neither any of the four people's NIK (nor its first twelve digits) nor their category's name appears. */
    private void assertNoNikNorCategory(String text, List<Proposal> people) throws Exception {
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat).doesNotContainPattern("\\d{16}");
        for (Proposal p : people) {
            String[] nikAndCategory = nikAndCategory(p.beneficiaryId());
            assertThat(flat).doesNotContain(nikAndCategory[0].substring(0, 12));
            assertThat(text).doesNotContainIgnoringCase(nikAndCategory[1]);
        }
    }

    private String[] nikAndCategory(long beneficiaryId) throws Exception {
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(
                "SELECT b.nik, c.name FROM registry_beneficiary b JOIN registry_category c ON c.id = b.category_id WHERE b.id = ?")) {
            ps.setLong(1, beneficiaryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private String desaOf(long beneficiaryId) throws Exception {
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(
                "SELECT d.name FROM registry_beneficiary b JOIN region_desa d ON d.code = b.desa_code WHERE b.id = ?")) {
            ps.setLong(1, beneficiaryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Every row of the first sheet as the cells' displayed text (POI). */
    static List<List<String>> xlsxRows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    Cell cell = r.getCell(i);
                    cells.add(cell == null ? "" : f.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
