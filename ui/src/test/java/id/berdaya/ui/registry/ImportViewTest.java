package id.berdaya.ui.registry;

import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.imports.ImportCsv;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import id.berdaya.BerdayaApplication;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The import screen without a browser: upload, preview, commit with progress, history. */
@SpringBootTest(classes = BerdayaApplication.class)
class ImportViewTest extends SpringBrowserlessTest {

    static final Path DIR = Path.of("target", "import-view-files");

    @Autowired TestAccounts accounts;
    @Autowired BeneficiaryService registry;
    @Autowired RegistryFixture fixture;

    @BeforeEach
    void login() {
        TestAccounts.loginAs(accounts.ensure("uji.layar.impor.op.pbg", Role.DISTRICT_OPERATOR, "33.03"));
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void anOperatorUploadsSeesEachRowsVerdictCommitsAndFollowsTheProgress() throws Exception {
        NewBeneficiary mine = fixture.person("33.03", "Layar Impor Purbalingga", RegistryFixture.birth(), Sex.P);
        NewBeneficiary foreign = fixture.person("33.26", "Layar Impor Pekalongan", RegistryFixture.birth(), Sex.L);
        Path file = new ImportCsv().row(mine).row(foreign).write(DIR, "layar.csv", true);

        ImportView view = navigate(ImportView.class);
        test(view.upload).upload(file.toFile());

        assertThat(view.summary.getText()).isEqualTo("2 baris: 1 sahih, 0 peringatan, 1 galat, 0 dilewati");
        assertThat(test(view.issues).size()).isEqualTo(1);
        assertThat(test(view.issues).getCellText(0, 0)).isEqualTo("3");
        assertThat(test(view.issues).getCellText(0, 1)).isEqualTo("Galat");
        assertThat(test(view.issues).getCellText(0, 2)).isEqualTo("3326 •••• •••• ••••");
        assertThat(test(view.issues).getCellText(0, 4)).contains("kabupaten/kota Anda");
        assertThat(view.commit.getText()).isEqualTo("Impor 1 baris");
        assertThat(registry.countUpTo(filter(mine.nik()), 10)).isZero();

        test(view.commit).click();
        assertThat(view.progress.isVisible()).isTrue();
        for (int i = 0; i < 300 && !view.progressText.getText().startsWith("Impor selesai"); i++) {
            Thread.sleep(100);
            view.poll();
        }
        assertThat(view.progressText.getText()).isEqualTo("Impor selesai: 1 baris tersimpan.");
        assertThat(view.progress.getValue()).isEqualTo(1.0);
        assertThat(registry.countUpTo(filter(mine.nik()), 10)).isEqualTo(1);
        assertThat(test(view.history).getCellText(0, 2)).isEqualTo("layar.csv");
        assertThat(test(view.history).getCellText(0, 5)).isEqualTo("Selesai");
    }

    @Test
    void aRowRegisteredInAnotherDistrictSaysOnlyWhomToAskAndNamesNoDistrict() throws Exception {
        TestAccounts.loginAs(accounts.ensure("uji.layar.impor.op.pkl", Role.DISTRICT_OPERATOR, "33.26"));
        NewBeneficiary pkl = fixture.person("33.26", "Layar Warga Pekalongan", RegistryFixture.birth(), Sex.L);
        registry.register(pkl);
        TestAccounts.loginAs(accounts.fresh("uji.layar.impor.asing", Role.DISTRICT_OPERATOR, "33.03"));
        NewBeneficiary row = fixture.person("33.03", "Layar Calon Asing", RegistryFixture.birth(), Sex.L);
        Path file = new ImportCsv().row(row.withIdentity(row.identity().withNik(pkl.nik()))).write(DIR, "asing.csv", true);

        ImportView view = navigate(ImportView.class);
        test(view.upload).upload(file.toFile());

        assertThat(view.summary.getText()).isEqualTo("1 baris: 0 sahih, 0 peringatan, 0 galat, 1 dilewati");
        assertThat(test(view.issues).size()).isEqualTo(1);
        assertThat(test(view.issues).getCellText(0, 4)).isEqualTo("NIK sudah terdaftar; hubungi Dinas Sosial Provinsi");
        for (int c = 0; c < 5; c++) {
            assertThat(test(view.issues).getCellText(0, c)).doesNotContain("Pekalongan", "33.26");
        }
    }

    @Test
    void aFileWithWrongColumnsIsRefusedWithAClearMessage() throws Exception {
        Files.createDirectories(DIR);
        Path file = Files.writeString(DIR.resolve("salah.csv"), "nama;alamat\nSiapa;Di mana\n", StandardCharsets.UTF_8);
        ImportView view = navigate(ImportView.class);
        test(view.upload).upload(file.toFile());
        assertThat(view.summary.getText()).startsWith("Kolom tidak sesuai templat. Kolom yang kurang: nik, no_kk");
        assertThat(view.summary.getText()).contains("Kolom yang tidak dikenal: nama, alamat");
        assertThat(view.previewBox.isVisible()).isFalse();
    }

    @Test
    void theCommitButtonIsDisabledWhenNoRowIsImportable() throws Exception {
        NewBeneficiary foreign = fixture.person("33.26", "Layar Tanpa Baris Sahih", RegistryFixture.birth(), Sex.L);
        Path file = new ImportCsv().row(foreign).write(DIR, "tanpa-sahih.csv", true);

        ImportView view = navigate(ImportView.class);
        test(view.upload).upload(file.toFile());

        assertThat(view.summary.getText()).isEqualTo("1 baris: 0 sahih, 0 peringatan, 1 galat, 0 dilewati");
        assertThat(view.commit.isEnabled()).isFalse();
        assertThat(view.discard.isEnabled()).isTrue();
    }

    @Test
    void theUploadAndTheTemplateSpeakTheUsersLanguage() throws Exception {
        ImportView view = navigate(ImportView.class);
        assertThat(view.upload.getI18n().getDropFiles().getOne()).isEqualTo("Letakkan berkas di sini");
        assertThat(view.upload.getI18n().getError().getFileIsTooBig()).isEqualTo("Berkas terlalu besar.");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(BeneficiaryListView.class); // a new instance of the import view, not the one shown
        view = navigate(ImportView.class);
        assertThat(view.upload.getI18n().getDropFiles().getOne()).isEqualTo("Drop file here");
        assertThat(view.upload.getI18n().getError().getIncorrectFileType()).isEqualTo("Incorrect file type.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        view.writeTemplate(true, out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Beneficiaries");
            Sheet values = wb.getSheet(1).orElseThrow();
            assertThat(values.getName()).isEqualTo("Allowed values");
            List<String> rows;
            try (Stream<Row> r = values.openStream()) {
                rows = r.map(row -> row.getCellText(0) + "|" + row.getCellText(1) + "|" + row.getCellText(2)).toList();
            }
            assertThat(rows).startsWith("Column|Value|Meaning", "jenis_kelamin|L|Male", "jenis_kelamin|P|Female");
            assertThat(rows).contains("sumber_rujukan|LAPAS_BAPAS|Prison/probation office", "dasar_pemrosesan|CONSENT|Written consent")
                    .anySatisfy(r -> assertThat(r).startsWith("tanggal_lahir|DD/MM/YYYY|Birth date: day/month/year"))
                    .anySatisfy(r -> assertThat(r).startsWith("nomor_jenis_ppks|1|"));
        }
    }

    private static BeneficiaryFilter filter(String nik) {
        return new BeneficiaryFilter(nik, null, null, null, null, null, null, null, null, null, false);
    }
}
