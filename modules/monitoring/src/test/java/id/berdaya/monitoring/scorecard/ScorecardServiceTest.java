package id.berdaya.monitoring.scorecard;

import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.monitoring.MonitoringTestApplication;
import id.berdaya.monitoring.report.ReportService;
import id.berdaya.monitoring.report.ReportWords;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scorecards against a hand-counted fixture in Kabupaten Sukoharjo (33.11), which no other test
 * of this module touches: five people registered, three of them verified, enrolled and trained,
 * two proposals submitted and one approved by the province (Rp 3.500.000 of a Rp 7.000.000 pagu);
 * and the reports made of the same figures.
 */
@SpringBootTest(classes = MonitoringTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardServiceTest {

    static final String KLATEN = "33.11";
    static final String PBG = "33.03";

    @Autowired ScorecardService scorecards;
    @Autowired GrantsFixture grants;
    @Autowired RegistryFixture people;
    @Autowired TestAccounts accounts;
    @Autowired BeneficiaryService registry;
    @Autowired ProposalService proposals;
    @Autowired BudgetService budget;
    @Autowired RegionService regions;
    @Autowired AuditService audit;
    @Autowired ReportService reports;

    BerdayaUser officer;
    BerdayaUser head;
    BerdayaUser partner;
    BerdayaUser admin;

    @BeforeAll
    void fixture() {
        officer = accounts.ensure("uji.kartu.verif", Role.PROVINCE_OFFICER, null);
        admin = accounts.ensure("uji.kartu.admin", Role.PROVINCE_ADMIN, null);
        head = accounts.ensure("uji.kartu.head.skh", Role.DISTRICT_HEAD, KLATEN);
        partner = accounts.ensure("uji.kartu.mitra.skh", Role.PARTNER, KLATEN);
        BerdayaUser operator = accounts.ensure("uji.kartu.op.skh", Role.DISTRICT_OPERATOR, KLATEN);

        GrantsFixture.Catalogue c = grants.year(KLATEN, 100_000_000);
        List<Long> trained = grants.trainedPeople(KLATEN, 3);
        TestAccounts.loginAs(operator);
        registry.register(people.person(KLATEN, "Kartu Satu Uji", RegistryFixture.birth(), Sex.L));
        registry.register(people.person(KLATEN, "Kartu Dua Uji", RegistryFixture.birth(), Sex.P));
        List<ItemLine> goat = List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), 4));
        Proposal approved = submit(trained.get(0), c, goat);
        submit(trained.get(1), c, goat);
        TestAccounts.loginAs(head);
        approved = proposals.approve(approved.id(), approved.version());
        TestAccounts.loginAs(officer);
        proposals.approve(approved.id(), approved.version());
        TestAccounts.loginAs(admin);
        int thisYear = LocalDate.now(id.berdaya.core.format.IndonesianFormat.WIB).getYear();
        // the demo profile's test (same database) gives every district a ceiling for this year: set it either way
        budget.setCeiling(KLATEN, thisYear, 7_000_000, budget.ceiling(KLATEN, thisYear).map(x -> x.version()).orElse(null));
        TestAccounts.logout();
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void theProvincesRowOfADistrictIsTheHandCountedFixture() {
        TestAccounts.loginAs(officer);
        assertThat(scorecards.seesProvince()).isTrue();
        Scorecard card = scorecards.province();
        assertThat(card.rows()).hasSize(35);
        ScorecardRow klaten = card.rows().stream().filter(r -> r.code().equals(KLATEN)).findFirst().orElseThrow();
        assertThat(klaten.name()).isEqualTo("Kabupaten Sukoharjo");
        assertThat(values(klaten)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Indicator.REGISTERED, 5L, Indicator.VERIFIED, 3L, Indicator.TRAINING_ENROLLED, 3L, Indicator.TRAINING_COMPLETED, 3L,
                Indicator.PROPOSALS_SUBMITTED, 2L, Indicator.PROPOSALS_APPROVED, 1L, Indicator.PROPOSALS_HANDED_OVER, 0L,
                Indicator.ABSORPTION_PCT, 50L));
        assertThat(card.total().cell(Indicator.REGISTERED).value()).isGreaterThanOrEqualTo(5L);
        assertThat(card.suppressed()).isFalse();
    }

    @Test
    void aDistrictsScorecardHasItsKecamatanAndTotalAndNoOtherDistrict() {
        TestAccounts.loginAs(head);
        assertThat(scorecards.seesProvince()).isFalse();
        Scorecard card = scorecards.mine();
        assertThat(card.kabkotaCode()).isEqualTo(KLATEN);
        assertThat(card.rows()).hasSize(regions.kecamatan(KLATEN).size());
        String first = regions.kecamatan(KLATEN).getFirst().code();
        ScorecardRow kec = card.rows().stream().filter(r -> r.code().equals(first)).findFirst().orElseThrow();
        assertThat(kec.cell(Indicator.REGISTERED).value()).isEqualTo(5L);
        assertThat(kec.cell(Indicator.PROPOSALS_SUBMITTED).value()).isEqualTo(2L);
        assertThat(card.total().cell(Indicator.REGISTERED).value()).isEqualTo(5L);
        assertThat(card.total().cell(Indicator.ABSORPTION_PCT).value()).isEqualTo(50L);
        assertThat(card.rows()).filteredOn(r -> !r.code().equals(first)).allMatch(r -> r.cell(Indicator.REGISTERED).value() == 0L);

        assertThatThrownBy(() -> scorecards.district(PBG)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scorecards.province()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scorecards.flow(null, 2025, 2026)).isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(officer);
        assertThat(scorecards.district(KLATEN).total().cell(Indicator.VERIFIED).value()).isEqualTo(3L);
    }

    @Test
    void theRegisteredPerKabkotaAreTheKeptCountsWithinScope_andNotForPartners() {
        TestAccounts.loginAs(officer);
        assertThat(scorecards.registeredByKabkota()).containsEntry(KLATEN, 5L);
        TestAccounts.loginAs(head);
        assertThat(scorecards.registeredByKabkota()).containsOnlyKeys(KLATEN).containsEntry(KLATEN, 5L);
        TestAccounts.loginAs(partner);
        assertThatThrownBy(() -> scorecards.registeredByKabkota()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPartnerSeesEveryCellUnderFiveAsSmallOnScreenAndInTheExport() throws Exception {
        TestAccounts.loginAs(partner);
        assertThat(scorecards.suppressesSmallCells()).isTrue();
        Scorecard card = scorecards.mine();
        assertThat(card.suppressed()).isTrue();
        assertThat(card.total().cell(Indicator.REGISTERED)).isEqualTo(new Cell(5L, false));
        for (Indicator i : List.of(Indicator.VERIFIED, Indicator.TRAINING_COMPLETED, Indicator.PROPOSALS_SUBMITTED,
                Indicator.PROPOSALS_APPROVED, Indicator.PROPOSALS_HANDED_OVER, Indicator.ABSORPTION_PCT)) {
            assertThat(card.total().cell(i)).as(i.name()).isEqualTo(new Cell(null, true));
        }
        assertThat(card.rows()).allMatch(r -> r.cell(Indicator.VERIFIED).suppressed());
        assertThatThrownBy(() -> scorecards.district(PBG)).isInstanceOf(AccessDeniedException.class);
        int year = LocalDate.now().getYear();
        assertThat(scorecards.flow(KLATEN, year, year).get(year).get(id.berdaya.core.figures.Figure.REGISTERED)).isEqualTo(5L);
        assertThat(scorecards.flow(KLATEN, year, year).get(year).get(id.berdaya.core.figures.Figure.TRAINING_COMPLETED)).isNull();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> headers = new ArrayList<>(List.of("Kode", "Wilayah"));
        scorecards.available().forEach(i -> headers.add(i.name()));
        scorecards.export(KLATEN, new XlsxSheet("Rapor", headers), "Jumlah", out);
        List<List<String>> rows = read(out.toByteArray());
        List<String> total = rows.getLast();
        assertThat(total.get(1)).isEqualTo("Jumlah");
        assertThat(total.get(2 + scorecards.available().indexOf(Indicator.REGISTERED))).isEqualTo("5");
        assertThat(total.get(2 + scorecards.available().indexOf(Indicator.VERIFIED))).isEqualTo("<5");
        assertThat(rows.stream().skip(1).flatMap(r -> r.stream().skip(2)))
                .as("no number under 5 anywhere in the partner's export").allMatch(t -> t.isEmpty() || t.equals("<5") || Long.parseLong(t) >= 5);

        TestAccounts.loginAs(admin);
        assertThat(audit.page(new AuditFilter(partner.getUsername(), "SCORECARD_EXPORTED", null, null, null), 0, 10)).hasSize(1);
    }

    @Test
    void staffSeeSmallNumbersAsTheyAre() throws Exception {
        TestAccounts.loginAs(head);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> headers = new ArrayList<>(List.of("Kode", "Wilayah"));
        scorecards.available().forEach(i -> headers.add(i.name()));
        scorecards.export(KLATEN, new XlsxSheet("Rapor", headers), "Jumlah", out);
        List<String> total = read(out.toByteArray()).getLast();
        assertThat(total.get(2 + scorecards.available().indexOf(Indicator.VERIFIED))).isEqualTo("3");
    }

    @Test
    void theMonthlyDistrictReportGivesTheMonthAndTheStatePerTanggalAsXlsxAndPdfAudited() throws Exception {
        TestAccounts.loginAs(head);
        YearMonth now = YearMonth.now(id.berdaya.core.format.IndonesianFormat.WIB);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        reports.export(KLATEN, now, ReportService.Format.XLSX, words("Laporan Bulanan"), xlsx);
        List<List<List<String>>> sheets = readAll(xlsx.toByteArray());
        assertThat(sheets).hasSize(2);
        List<String> monthTotal = sheets.get(0).getLast();
        List<String> header = sheets.get(0).getFirst();
        assertThat(monthTotal.get(1)).isEqualTo("Jumlah");
        assertThat(monthTotal.get(header.indexOf("REGISTERED"))).isEqualTo("5");
        assertThat(monthTotal.get(header.indexOf("PROPOSALS_APPROVED"))).isEqualTo("1");
        assertThat(header).doesNotContain("VISITS_DUE", "OPEN_FLAGS", "ABSORPTION_PCT");
        List<String> stateHeader = sheets.get(1).getFirst();
        assertThat(sheets.get(1).getLast().get(stateHeader.indexOf("ABSORPTION_PCT"))).isEqualTo("50");
        ByteArrayOutputStream earlier = new ByteArrayOutputStream();
        reports.export(KLATEN, now.minusMonths(13), ReportService.Format.XLSX, words("Laporan Bulanan"), earlier);
        List<String> before = readAll(earlier.toByteArray()).get(0).getLast();
        assertThat(before.get(header.indexOf("REGISTERED"))).as("nothing happened a year ago").isEqualTo("0");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        reports.export(KLATEN, now, ReportService.Format.PDF, words("Laporan Bulanan"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Laporan Bulanan", "Kabupaten Sukoharjo", "Keadaan per tanggal", "Jumlah")
                    .doesNotContainPattern("\\d{16}");
        }
        assertThatThrownBy(() -> reports.export(PBG, now, ReportService.Format.PDF, words("x"), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.export(null, now, ReportService.Format.PDF, words("x"), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(admin);
        assertThat(audit.page(new AuditFilter(head.getUsername(), "REPORT_EXPORTED", null, null, null), 0, 10)).hasSize(3);
    }

    @Test
    void aPartnersReportShowsSmallCellsAsLessThanFiveInXlsxAndPdf_andTheProvinceRecapHasEveryDistrict() throws Exception {
        TestAccounts.loginAs(partner);
        YearMonth now = YearMonth.now(id.berdaya.core.format.IndonesianFormat.WIB);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        reports.export(KLATEN, now, ReportService.Format.XLSX, words("Laporan Mitra"), xlsx);
        for (List<List<String>> sheet : readAll(xlsx.toByteArray())) {
            assertThat(sheet.stream().skip(1).flatMap(r -> r.stream().skip(2)))
                    .allMatch(t -> t.isEmpty() || t.equals("<5") || Long.parseLong(t) >= 5);
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        reports.export(KLATEN, now, ReportService.Format.PDF, words("Laporan Mitra"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("<5");
        }

        TestAccounts.loginAs(officer);
        assertThat(reports.mayRecapProvince()).isTrue();
        ReportService.Report recap = reports.report(null, now);
        assertThat(recap.period().rows()).hasSize(35);
        assertThat(recap.period().rows().stream().filter(r -> r.code().equals(KLATEN)).findFirst().orElseThrow()
                .cell(Indicator.REGISTERED).value()).isEqualTo(5L);
    }

    private static ReportWords words(String title) {
        Map<Indicator, String> columns = new java.util.EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            columns.put(i, i.name());
        }
        return new ReportWords(title, "Kabupaten Sukoharjo", "Bulan ini", "Keadaan per tanggal hari ini", "Kode", "Wilayah", columns,
                "Jumlah", "Bulan", "Per tanggal", "Angka di bawah 5 ditulis <5");
    }

    static List<List<List<String>>> readAll(byte[] xlsx) throws Exception {
        List<List<List<String>>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : wb.getSheets().toList()) {
                try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                    out.add(rows.map(ScorecardServiceTest::texts).toList());
                }
            }
        }
        return out;
    }

    private static List<String> texts(org.dhatim.fastexcel.reader.Row r) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.getCellCount(); i++) {
            var cell = r.getCell(i);
            cells.add(cell == null ? "" : cell.getText());
        }
        return cells;
    }

    private Proposal submit(long person, GrantsFixture.Catalogue c, List<ItemLine> items) {
        Proposal p = proposals.create(GrantsFixture.proposal(person, c.year(), items));
        return proposals.submit(p.id(), p.version());
    }

    private static Map<Indicator, Long> values(ScorecardRow r) {
        Map<Indicator, Long> out = new java.util.EnumMap<>(Indicator.class);
        for (Indicator i : List.of(Indicator.REGISTERED, Indicator.VERIFIED, Indicator.TRAINING_ENROLLED, Indicator.TRAINING_COMPLETED,
                Indicator.PROPOSALS_SUBMITTED, Indicator.PROPOSALS_APPROVED, Indicator.PROPOSALS_HANDED_OVER, Indicator.ABSORPTION_PCT)) {
            out.put(i, r.cell(i).value());
        }
        return out;
    }

    static List<List<String>> read(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().openStream()) {
            return rows.map(ScorecardServiceTest::texts).toList();
        }
    }
}
