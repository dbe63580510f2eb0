package id.berdaya.ui.registry;

import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.Registration;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import id.berdaya.BerdayaApplication;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The register's date picker, document upload and export follow the user's language. */
@SpringBootTest(classes = BerdayaApplication.class)
class RegistryWidgetTextsViewTest extends SpringBrowserlessTest {

    @Autowired TestAccounts accounts;
    @Autowired BeneficiaryService registry;
    @Autowired RegistryFixture fixture;

    @BeforeEach
    void login() {
        TestAccounts.loginAs(accounts.ensure("uji.layar.widget.op.pbg", Role.DISTRICT_OPERATOR, "33.03"));
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void theBirthDatePickerSpeaksTheUsersLanguage() {
        BeneficiaryFormView form = navigate(BeneficiaryFormView.class);
        assertThat(form.birthDate.getI18n().getMonthNames()).startsWith("Januari", "Februari");
        assertThat(form.birthDate.getI18n().getCancel()).isEqualTo("Batal");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(BeneficiaryListView.class); // a new instance of the form, not the one shown
        form = navigate(BeneficiaryFormView.class);
        assertThat(form.birthDate.getI18n().getMonthNames()).startsWith("January", "February");
        assertThat(form.birthDate.getI18n().getWeekdays()).startsWith("Sunday", "Monday");
        assertThat(form.birthDate.getI18n().getToday()).isEqualTo("Today");
        assertThat(form.birthDate.getI18n().getDateFormats()).containsExactly("dd/MM/yyyy");
    }

    @Test
    void theDocumentUploadAndTheListExportSpeakTheUsersLanguage() throws Exception {
        Registration r = registry.register(fixture.person("33.03", "Widget Bahasa Dokumen", RegistryFixture.birth(), Sex.P));
        navigate("penerima-manfaat/" + r.id(), Component.class);
        Upload upload = find(Upload.class).id("document-upload");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("Letakkan berkas di sini");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(BeneficiaryListView.class); // a new instance of the detail page, not the one shown
        navigate("penerima-manfaat/" + r.id(), Component.class);
        upload = find(Upload.class).id("document-upload");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("Drop file here");
        assertThat(upload.getI18n().getError().getFileIsTooBig()).isEqualTo("File is too big.");

        BeneficiaryListView list = navigate(BeneficiaryListView.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        registry.export(BeneficiaryFilter.none().withName("Widget Bahasa"), list.sheet(), out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Beneficiaries");
        }
    }
}
