package id.berdaya.registry.imports;

import id.berdaya.registry.imports.file.ImportColumn;
import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.RegistryTestApplication;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import id.berdaya.registry.beneficiary.ListOrder;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.beneficiary.Registration;
import id.berdaya.registry.duplicate.DuplicateService;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = RegistryTestApplication.class)
class ImportServiceTest {

    static final Path DIR = Path.of("target", "import-test-files");

    @Autowired ImportService importer;
    @Autowired BeneficiaryService registry;
    @Autowired CategoryService categoryService;
    @Autowired RegistryFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired AuditService audit;
    @Autowired ImportRepository imports;
    @Autowired ImportRecovery recovery;
    @Autowired DuplicateService duplicates;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    BerdayaUser operatorPbg;
    BerdayaUser admin;

    @BeforeEach
    void users() {
        operatorPbg = accounts.ensure("uji.impor.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        admin = accounts.ensure("uji.impor.admin", Role.PROVINCE_ADMIN, null);
        TestAccounts.loginAs(operatorPbg);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private NewBeneficiary person(String kabkota, String name, Sex sex) {
        return fixture.person(kabkota, name, RegistryFixture.birth(), sex);
    }

    private static NewBeneficiary withNik(NewBeneficiary n, String nik) {
        return n.withIdentity(n.identity().withNik(nik));
    }

    private static NewBeneficiary withBirth(NewBeneficiary n, LocalDate birth) {
        return n.withIdentity(n.identity().withBirthDate(birth));
    }

    private static NewBeneficiary withDesa(NewBeneficiary n, String desa) {
        return n.withAddress(n.address().withDesa(desa));
    }

    /** Audit events of an action (read as a province administrator, then back to the operator). */
    private List<AuditEntry> audited(RegistryAction action) {
        BerdayaUser me = (BerdayaUser) org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        TestAccounts.loginAs(admin);
        try {
            return audit.page(new AuditFilter(null, action.code(), null, null, null), 0, 200);
        } finally {
            TestAccounts.loginAs(me);
        }
    }

    private int registered(String nik) {
        return registry.countUpTo(new BeneficiaryFilter(nik, null, null, null, null, null, null, null, null, null, false), 10);
    }

    private ImportBatch await(long id) throws InterruptedException {
        return ImportCsv.await(importer, id);
    }

    private static ImportIssue at(ImportPreview p, int line) {
        return p.issues().stream().filter(i -> i.line() == line).findFirst().orElseThrow(() -> new AssertionError("no issue at line " + line));
    }

    private static List<String> keys(ImportIssue i) {
        return i.reasons().stream().map(RuleViolation.Problem::key).toList();
    }

    @Test
    void thePreviewMarksEachRowWithTheFormsRulesAndWritesNothingToTheRegister() {
        NewBeneficiary valid = person("33.03", "Sekar Impor Sahih", Sex.P);
        NewBeneficiary warned = person("33.03", "Laras Impor Peringatan", Sex.P);
        warned = withBirth(warned, warned.birthDate().plusDays(1));
        NewBeneficiary badNik = withNik(person("33.03", "Bulan Tigabelas", Sex.L), "3303011313900001");
        NewBeneficiary badDesa = withDesa(person("33.03", "Desa Salah", Sex.L), "33.26.01.2001");
        NewBeneficiary foreign = person("33.26", "Orang Pekalongan Impor", Sex.L);
        Registration existing = registry.register(person("33.03", "Sudah Terdaftar Impor", Sex.P));
        NewBeneficiary already = withNik(person("33.03", "Sudah Terdaftar Impor", Sex.P), registry.revealNik(existing.id(), "uji impor"));
        Path file = new ImportCsv().row(valid).row(warned).row(badNik).row(badDesa).row(foreign).row(already).row(valid)
                .raw("3303010101900001", null, "Tanpa Tanggal", null, "X", null, "31/02/1990", "33.03", null, null, null, null, null,
                        null, null, null, null, "99", "SELF", "MAYBE", null)
                .write(DIR, "preview.csv", false);

        ImportPreview p = importer.preview("preview.csv", file);

        assertThat(p.batch().status()).isEqualTo(ImportBatch.Status.PREVIEWED);
        assertThat(p.batch().counts()).isEqualTo(new ImportCounts(8, 1, 1, 4, 2, 0));
        assertThat(p.issues()).extracting(ImportIssue::line).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(at(p, 3).outcome()).isEqualTo(ImportIssue.Outcome.WARNING);
        assertThat(keys(at(p, 3))).containsExactly("nik.warn.birthDate");
        assertThat(keys(at(p, 4))).contains("nik.error.month");
        assertThat(keys(at(p, 5))).containsExactly("registry.region.desa");
        assertThat(at(p, 6).outcome()).isEqualTo(ImportIssue.Outcome.ERROR);
        assertThat(keys(at(p, 6))).contains("registry.kabkota.notYours");
        assertThat(at(p, 7).outcome()).isEqualTo(ImportIssue.Outcome.SKIPPED);
        assertThat(keys(at(p, 7))).containsExactly("import.nik.registered");
        assertThat(keys(at(p, 8))).containsExactly("import.nik.repeated");
        assertThat(keys(at(p, 9))).contains("import.value.sex", "import.value.date", "import.value.category", "import.value.legalBasis",
                "registry.region.kecamatan");
        assertThat(keys(at(p, 9))).doesNotContain("registry.sex.required", "registry.birthDate.invalid");
        assertThat(registered(valid.nik())).isZero();
        assertThat(audited(RegistryAction.IMPORT_PREVIEWED)).extracting(AuditEntry::entityId).contains(String.valueOf(p.batch().id()));
    }

    @Test
    void aCommitImportsValidAndWarningRowsSearchableWithReviewFlagsAndAuditsTheBatchOnce() throws Exception {
        NewBeneficiary valid = person("33.03", "Wiji Impor Tersimpan", Sex.L);
        NewBeneficiary warned = person("33.03", "Ratri Impor Bertanda", Sex.P);
        warned = withBirth(warned, warned.birthDate().plusDays(2));
        NewBeneficiary twin = fixture.person("33.03", "Wiji Impor Tersimpan", valid.birthDate(), Sex.L); // same name and birth date, other NIK
        Path file = new ImportCsv().row(valid).row(warned).row(twin).write(DIR, "commit.csv", true);
        ImportPreview p = importer.preview("commit.csv", file);

        ImportBatch started = importer.commit(p.batch().id(), p.batch().version());
        ImportBatch done = await(started.id());

        assertThat(done.status()).as(done.message()).isEqualTo(ImportBatch.Status.DONE);
        assertThat(done.counts().inserted()).isEqualTo(3);
        assertThat(registered(valid.nik())).isEqualTo(1);
        List<BeneficiarySummary> found = registry.page(new BeneficiaryFilter(null, "ratri impor", null, null, null, null, null, null, null,
                null, false), ListOrder.NEWEST, null, 10);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().reviewFlags()).containsExactly("birthDate");
        assertThat(registry.page(new BeneficiaryFilter(null, "wiji", "33.03", null, null, null, null, null, null, null, false),
                ListOrder.NEWEST, null, 10)).hasSize(2);
        assertThat(audited(RegistryAction.IMPORTED)).filteredOn(e -> e.entityId().equals(String.valueOf(done.id()))).hasSize(1)
                .first().satisfies(e -> assertThat(e.newValue()).contains("\"inserted\":3"));
        TestAccounts.loginAs(accounts.ensure("uji.impor.verif", Role.PROVINCE_OFFICER, null));
        long wiji = registry.page(new BeneficiaryFilter(null, "wiji", "33.03", null, null, null, null, null, null, null, false),
                ListOrder.NEWEST, null, 10).getFirst().id();
        assertThat(duplicates.openOf(wiji)).as("the same name and birth date is queued as a registration would queue it")
                .anyMatch(d -> d.newer().fullName().equals("Wiji Impor Tersimpan") && d.existing().fullName().equals("Wiji Impor Tersimpan"));
        TestAccounts.loginAs(operatorPbg);
        assertThat(Files.exists(importer.file(done.id()))).as("the stored file is deleted after the commit").isFalse();
    }

    @Test
    void reImportingTheSameFileChangesNothing() throws Exception {
        NewBeneficiary a = person("33.03", "Ulang Impor Satu", Sex.L);
        NewBeneficiary b = person("33.03", "Ulang Impor Dua", Sex.P);
        Path file = new ImportCsv().row(a).row(b).write(DIR, "again.csv", false);
        ImportPreview first = importer.preview("again.csv", file);
        ImportBatch done = await(importer.commit(first.batch().id(), first.batch().version()).id());
        assertThat(done.counts().inserted()).isEqualTo(2);

        ImportPreview second = importer.preview("again.csv", file);
        assertThat(second.batch().sha256()).isEqualTo(first.batch().sha256());
        assertThat(second.batch().previousImport()).isEqualTo(first.batch().id());
        assertThat(second.batch().counts()).isEqualTo(new ImportCounts(2, 0, 0, 0, 2, 0));
        ImportBatch again = await(importer.commit(second.batch().id(), second.batch().version()).id());

        assertThat(again.status()).isEqualTo(ImportBatch.Status.DONE);
        assertThat(again.counts().inserted()).isZero();
        assertThat(again.counts().skipped()).isEqualTo(2);
        assertThat(registered(a.nik())).isEqualTo(1);
        assertThat(registered(b.nik())).isEqualTo(1);
    }

    @Test
    void aRowRegisteredInAnotherDistrictNamesNoDistrictAnywhereAndIsAuditedAsAHashOfTheNik() throws Exception {
        TestAccounts.loginAs(accounts.ensure("uji.impor.op.pkl", Role.DISTRICT_OPERATOR, "33.26"));
        NewBeneficiary pkl = person("33.26", "Warga Pekalongan Rahasia", Sex.P);
        registry.register(pkl);
        BerdayaUser prober = TestAccounts.loginAs(accounts.fresh("uji.impor.asing", Role.DISTRICT_OPERATOR, "33.03"));
        Path file = new ImportCsv().row(person("33.03", "Calon Sahih Asing", Sex.L))
                .row(withNik(person("33.03", "Calon Dari Daftar", Sex.P), pkl.nik())).write(DIR, "foreign.csv", false);

        ImportPreview p = importer.preview("foreign.csv", file);

        assertThat(p.batch().counts()).isEqualTo(new ImportCounts(2, 1, 0, 0, 1, 0));
        ImportIssue row = at(p, 3);
        assertThat(row.outcome()).isEqualTo(ImportIssue.Outcome.SKIPPED);
        assertThat(row.reasons()).extracting(RuleViolation.Problem::key).containsExactly("registry.nik.registeredElsewhere");
        assertThat(row.reasons().getFirst().args()).as("no district, no office named").isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        importer.exportRejected(p.batch().id(), new XlsxSheet("Ditolak", List.of("Baris", "Hasil", "NIK", "Nama", "Alasan")),
                problem -> problem.key() + problem.args(), out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             Stream<Row> sheet = wb.getFirstSheet().openStream()) {
            List<Row> rows = sheet.toList();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getCellText(4)).isEqualTo("registry.nik.registeredElsewhere[]");
            rows.forEach(r -> r.stream().forEach(c -> assertThat(c == null ? "" : c.getText()).doesNotContain("33.26", "Pekalongan")));
        }
        List<AuditEntry> mine = new java.util.ArrayList<>();
        TestAccounts.loginAs(admin);
        for (AuditEntry e : audit.page(new AuditFilter(prober.getUsername(), null, null, null, null), 0, 100)) {
            mine.add(e);
        }
        TestAccounts.loginAs(prober);
        assertThat(mine).as("the prober's events name only the prober's district")
                .allSatisfy(e -> {
                    assertThat(e.kabkotaCode()).isEqualTo("33.03");
                    assertThat(e.subjectKabkotaCode()).isNull();
                    assertThat(String.valueOf(e.oldValue()) + e.newValue()).doesNotContain("33.26", "Pekalongan", pkl.nik());
                });
        assertThat(mine).filteredOn(e -> e.action().equals("BENEFICIARY_NIK_FOUND_ELSEWHERE")).singleElement()
                .satisfies(e -> assertThat(e.newValue()).containsPattern("\"nikHash\" ?: ?\"[0-9a-f]{32}\""));
    }

    @Test
    void aProvinceAdministratorImportsForAnyDistrictAndADistrictHeadMayNotImport() throws Exception {
        TestAccounts.loginAs(admin);
        NewBeneficiary pkl = person("33.26", "Provinsi Impor Pekalongan", Sex.L);
        NewBeneficiary pbg = person("33.03", "Provinsi Impor Purbalingga", Sex.P);
        Path file = new ImportCsv(",").row(pkl).row(pbg).write(DIR, "province.csv", true);
        ImportPreview p = importer.preview("province.csv", file);
        assertThat(p.batch().counts().valid()).isEqualTo(2);
        assertThat(await(importer.commit(p.batch().id(), p.batch().version()).id()).counts().inserted()).isEqualTo(2);

        TestAccounts.loginAs(operatorPbg);
        assertThat(importer.batch(p.batch().id())).as("a province batch is not a district's").isEmpty();

        TestAccounts.loginAs(accounts.ensure("uji.impor.kadinsos", Role.DISTRICT_HEAD, "33.03"));
        assertThatThrownBy(() -> importer.preview("province.csv", file)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anXlsxFileIsImportedLikeACsv() throws Exception {
        NewBeneficiary n = person("33.03", "Lembar Kerja Impor", Sex.P);
        Path file = DIR.resolve("sheet.xlsx");
        Files.createDirectories(DIR);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "Uji", "1.0");
            Worksheet ws = wb.newWorksheet("Data");
            List<String> headers = ImportColumn.headers();
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
            }
            String[] row = new ImportCsv().row(n).text().split("\r\n")[1].split(";", -1);
            for (int c = 0; c < row.length; c++) {
                if (!row[c].isEmpty()) {
                    ws.value(1, c, row[c]);
                }
            }
            ws.value(1, ImportColumn.BIRTH_DATE.ordinal(), n.birthDate()); // a real date cell
            ws.value(1, ImportColumn.CATEGORY.ordinal(), 15); // a number cell
            wb.finish();
        }
        ImportPreview p = importer.preview("data.xlsx", file);
        assertThat(p.issues()).isEmpty();
        assertThat(p.batch().format()).isEqualTo("XLSX");
        assertThat(p.batch().counts().valid()).isEqualTo(1);
    }

    @Test
    void malformedFilesAreRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        int before = importer.history(200).size();
        Files.createDirectories(DIR);

        Path wrongColumns = Files.writeString(DIR.resolve("columns.csv"), "nik;nama;alamat\n3303010101900001;A;B\n");
        assertRefused(wrongColumns, "import.file.columns");

        NewBeneficiary n = person("33.03", "Pengkodean Salah", Sex.L);
        byte[] latin1 = new ImportCsv().row(withBirth(n, n.birthDate())).raw(n.nik(), null, "Jos\u00e9 Latin", null, "L", null,
                "01/01/1990", "33.03", n.kecamatanCode(), n.desaCode(), null, null, null, null, null, null, null, "15", "SELF",
                "PUBLIC_TASK", null).text().getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(Files.write(DIR.resolve("latin1.csv"), latin1), "import.file.encoding");

        byte[] garbage = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(garbage);
        garbage[0] = 'n';
        garbage[1] = 'i';
        assertRefused(Files.write(DIR.resolve("garbage.csv"), garbage), "import.file.unknownFormat", "import.file.encoding",
                "import.file.columns");

        Path bomb = DIR.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros); // 300 MB of zeros: about 300 KB compressed
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1024 * 1024);
        assertRefused(bomb, "import.file.zipBomb");

        Path pdf = Files.write(DIR.resolve("not-a-sheet.csv"), "%PDF-1.4\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(pdf, "import.file.unknownFormat");

        // a file that breaks half-way (bad encoding at its last line) leaves no batch and no problem rows behind
        StringBuilder many = new StringBuilder(new ImportCsv().text());
        for (int i = 0; i < 1500; i++) {
            many.append("3303010101900001;;Baris ").append(i).append(";;L;;01/01/1990;33.03;;;;;;;;;;15;SELF;PUBLIC_TASK;\r\n");
        }
        byte[] good = many.toString().getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(good, good.length + 3);
        broken[good.length] = (byte) 0xC3;
        broken[good.length + 1] = (byte) 0x28;
        broken[good.length + 2] = '\n';
        assertRefused(Files.write(DIR.resolve("half.csv"), broken), "import.file.encoding");

        assertThat(importer.history(200)).hasSize(before);
        assertThat(audited(RegistryAction.IMPORT_REFUSED)).hasSizeGreaterThanOrEqualTo(6);
    }

    private void assertRefused(Path file, String... anyOfKeys) {
        assertThatThrownBy(() -> importer.preview(file.getFileName().toString(), file))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems().getFirst().key()).isIn((Object[]) anyOfKeys));
    }

    @Test
    void theRejectedRowsDownloadAsXlsxWithTheirReasons() throws Exception {
        NewBeneficiary ok = person("33.03", "Diterima Impor", Sex.L);
        NewBeneficiary foreign = person("33.26", "Ditolak Distrik Lain", Sex.P);
        Path file = new ImportCsv().row(ok).row(foreign).row(ok).write(DIR, "rejects.csv", false);
        ImportPreview p = importer.preview("rejects.csv", file);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = importer.exportRejected(p.batch().id(), new XlsxSheet("Ditolak", List.of("Baris", "Hasil", "NIK", "Nama", "Alasan")),
                problem -> "[" + problem.key() + "]", out);

        assertThat(rows).isEqualTo(2);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             Stream<Row> sheet = wb.getFirstSheet().openStream()) {
            List<Row> all = sheet.toList();
            assertThat(all).hasSize(3);
            assertThat(all.get(1).getCellText(0)).isEqualTo("3");
            assertThat(all.get(1).getCellText(1)).isEqualTo("[import.outcome.ERROR]");
            assertThat(all.get(1).getCellText(2)).isEqualTo(foreign.nik().substring(0, 4) + " •••• •••• ••••");
            assertThat(all.get(1).getCellText(4)).contains("[registry.kabkota.notYours]");
            assertThat(all.get(2).getCellText(4)).isEqualTo("[import.nik.repeated]");
        }
    }

    @Test
    void theIssuesAndTheRejectedRowsShowNiksMaskedAndNothingOfARecordInAnotherDistrict() throws Exception {
        TestAccounts.loginAs(accounts.ensure("uji.impor.op.pkl", Role.DISTRICT_OPERATOR, "33.26"));
        Registration elsewhere = registry.register(person("33.26", "Tercatat Di Pekalongan", Sex.P));
        String foreignNik = registry.revealNik(elsewhere.id(), "uji impor lintas wilayah");
        TestAccounts.loginAs(operatorPbg);
        NewBeneficiary sameNik = withNik(person("33.03", "Pengunggah Tanpa Tahu", Sex.P), foreignNik);
        NewBeneficiary shortNik = withNik(person("33.03", "Nik Kurang Satu", Sex.L), "330301010190001");
        Path file = new ImportCsv().row(sameNik).row(shortNik).write(DIR, "masked.csv", false);

        ImportPreview p = importer.preview("masked.csv", file);

        assertThat(at(p, 2).outcome()).isEqualTo(ImportIssue.Outcome.SKIPPED);
        assertThat(at(p, 2).nik()).isEqualTo("3326 •••• •••• ••••");
        assertThat(at(p, 2).reasons()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("registry.nik.registeredElsewhere");
            assertThat(r.args()).isEmpty();
        });
        assertThat(at(p, 3).nik()).isEqualTo("3303 •••• •••• •••");
        assertThat(importer.issues(p.batch().id(), 10)).extracting(ImportIssue::nik).allMatch(n -> n.contains("•"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        importer.exportRejected(p.batch().id(), new XlsxSheet("Ditolak", List.of("Baris", "Hasil", "NIK", "Nama", "Alasan")),
                problem -> "[" + problem.key() + " " + problem.args() + "]", out);
        StringBuilder cells = new StringBuilder();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             Stream<Row> sheet = wb.getFirstSheet().openStream()) {
            sheet.forEach(r -> r.forEach(c -> cells.append(c.getText()).append('|')));
        }
        assertThat(cells.toString()).contains("3326 •••• •••• ••••", "[registry.nik.registeredElsewhere []]")
                .doesNotContain(foreignNik, shortNik.nik(), "33.26", "Pekalongan", "Tercatat");
    }

    @Test
    void aFailedImportKeepsShowsAndLogsNoNikQuotedByTheDatabase() {
        String nik = "3303014101909001";
        Exception duplicate = new org.jooq.exception.DataAccessException("SQL [LOAD DATA LOCAL INFILE ...]; Duplicate entry '" + nik
                + "' for key 'nik'", new java.sql.SQLIntegrityConstraintViolationException("Duplicate entry '" + nik + "' for key 'nik'"));

        assertThat(ImportCommit.failure(duplicate)).contains("Duplicate entry '3303 •••• •••• ••••'").doesNotContain(nik);
        Throwable logged = id.berdaya.registry.nik.NameKey.maskNiksIn(duplicate);
        assertThat(logged.getMessage()).contains("DataAccessException").doesNotContain(nik);
        assertThat(logged.getCause().getMessage()).contains("SQLIntegrityConstraintViolationException").doesNotContain(nik);
        assertThat(logged.getStackTrace()).isEqualTo(duplicate.getStackTrace());
        IllegalStateException plain = new IllegalStateException("chunk 3 failed");
        assertThat(id.berdaya.registry.nik.NameKey.maskNiksIn(plain)).as("an error without a NIK is logged as it is").isSameAs(plain);
    }

    @Test
    void anImportLeftRunningByARestartIsMarkedInterruptedWithNoRowsKept() throws Exception {
        NewBeneficiary n = person("33.03", "Terputus Impor", Sex.P);
        ImportPreview p = importer.preview("interrupted.csv", new ImportCsv().row(n).write(DIR, "interrupted.csv", false));
        tx.executeWithoutResult(s -> assertThat(imports.start(p.batch().id(), p.batch().version(),
                java.time.LocalDateTime.now())).isTrue()); // as if the commit had begun when the application stopped

        assertThat(recovery.interruptLeftovers()).isGreaterThanOrEqualTo(1);

        ImportBatch b = importer.batch(p.batch().id()).orElseThrow();
        assertThat(b.status()).isEqualTo(ImportBatch.Status.INTERRUPTED);
        assertThat(b.message()).isEqualTo("import.interrupted");
        assertThat(registered(n.nik())).isZero();
        assertThatThrownBy(() -> importer.commit(b.id(), b.version())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aPreviewNobodyCommitsIsDiscardedAfterItsLifetimeWithItsFileDeleted() throws Exception {
        NewBeneficiary n = person("33.03", "Pratinjau Kedaluwarsa", Sex.L);
        ImportPreview p = importer.preview("stale.csv", new ImportCsv().row(n).write(DIR, "stale.csv", false));
        Path stored = importer.file(p.batch().id());
        assertThat(stored).exists();

        recovery.expirePreviews(java.time.Duration.ofHours(24)); // this one is still young
        assertThat(importer.batch(p.batch().id()).orElseThrow().status()).isEqualTo(ImportBatch.Status.PREVIEWED);

        Thread.sleep(5);
        assertThat(recovery.expirePreviews(java.time.Duration.ofMillis(1))).isGreaterThanOrEqualTo(1);

        ImportBatch b = importer.batch(p.batch().id()).orElseThrow();
        assertThat(b.status()).isEqualTo(ImportBatch.Status.DISCARDED);
        assertThat(b.message()).isEqualTo("import.expired");
        assertThat(stored).doesNotExist();
        assertThat(audited(RegistryAction.IMPORT_DISCARDED)).anySatisfy(e -> assertThat(e.entityId()).isEqualTo(String.valueOf(b.id())));
        assertThatThrownBy(() -> importer.commit(b.id(), b.version())).isInstanceOf(RuleViolation.class);
        assertThat(registered(n.nik())).isZero();
    }

    @Test
    void theTemplateHasTheHeaderRowOnlyAndASecondSheetWithTheAllowedValues() throws IOException {
        java.util.function.Function<RuleViolation.Problem, String> text = p -> "<" + p.key() + ">";
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        importer.writeTemplate(false, text, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + String.join(";", ImportColumn.headers()) + "\r\n");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        importer.writeTemplate(true, text, xlsx);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()));
             Stream<Row> sheet = wb.getFirstSheet().openStream()) {
            List<Row> rows = sheet.toList();
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("nik");
            assertThat(wb.getFirstSheet().getName()).isEqualTo("<import.template.sheet>");

            org.dhatim.fastexcel.reader.Sheet values = wb.getSheet(1).orElseThrow();
            assertThat(values.getName()).isEqualTo("<import.template.valuesSheet>");
            List<List<String>> help;
            try (Stream<Row> r = values.openStream()) {
                help = r.map(row -> List.of(row.getCellText(0), row.getCellText(1), row.getCellText(2))).toList();
            }
            assertThat(help.getFirst()).containsExactly("<import.template.column>", "<import.template.value>", "<import.template.meaning>");
            assertThat(help).contains(List.of("jenis_kelamin", "L", "<registry.sex.L>"), List.of("jenis_kelamin", "P", "<registry.sex.P>"),
                    List.of("tanggal_lahir", "DD/MM/YYYY", "<import.template.dateFormat>"),
                    List.of("sumber_rujukan", "LAPAS_BAPAS", "<registry.referral.LAPAS_BAPAS>"),
                    List.of("dasar_pemrosesan", "CONSENT", "<registry.legalBasis.CONSENT>"));
            List<List<String>> categories = categoryService.list().stream().filter(c -> c.active())
                    .map(c -> List.of("nomor_jenis_ppks", String.valueOf(c.number()), c.name())).toList();
            assertThat(categories).isNotEmpty();
            assertThat(help.stream().filter(h -> h.getFirst().equals("nomor_jenis_ppks")).toList()).isEqualTo(categories);
        }
        Files.createDirectories(DIR);
        Path template = Files.write(DIR.resolve("template.csv"), csv.toByteArray());
        assertRefused(template, "import.file.noRows");
    }
}
