package id.berdaya.ui.registry;

import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.Registration;
import id.berdaya.registry.synthetic.SyntheticNik;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.BerdayaApplication;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The register's screens per role, without a browser. */
@SpringBootTest(classes = BerdayaApplication.class)
class RegistryViewTest extends SpringBrowserlessTest {

    @Autowired TestAccounts accounts;
    @Autowired BeneficiaryService registry;
    @Autowired RegistryFixture fixture;
    @Autowired AuditService audit;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private void loginAs(String username, Role role, String kabkota) {
        TestAccounts.loginAs(accounts.ensure(username, role, kabkota));
    }

    @Test
    void anOperatorRegistersThroughTheFormSeesTheNikWarningAndLandsOnTheRecord() {
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        BeneficiaryFormView form = navigate(BeneficiaryFormView.class);
        LocalDate born = RegistryFixture.birth();
        String kec = form.kecamatan.getListDataView().getItems().findFirst().orElseThrow().code();
        String nik = SyntheticNik.of(kec, born, Sex.P, 9100 + (int) (System.nanoTime() % 800));

        test(form.fullName).setValue("Sekar Uji Formulir");
        form.sex.setValue(Sex.P);
        form.birthDate.setValue(born.plusDays(1));  // disagrees with the NIK: a warning, not a refusal
        test(form.nik).setValue(nik);
        assertThat(form.nik.isInvalid()).isFalse();
        assertThat(form.nikWarnings.isVisible()).isTrue();
        assertThat(form.nikWarnings.getText()).contains("Tanggal lahir berbeda");

        form.kecamatan.setValue(form.kecamatan.getListDataView().getItems().findFirst().orElseThrow());
        form.desa.setValue(form.desa.getListDataView().getItems().findFirst().orElseThrow());
        form.category.setValue(form.category.getListDataView().getItems().filter(c -> c.number() == 10).findFirst().orElseThrow());
        form.referral.setValue("OUTREACH");
        test(form.save).click();

        assertThat(getCurrentView()).isInstanceOf(BeneficiaryDetailView.class);
        assertThat(find(H2.class).id("beneficiary-name").getText()).isEqualTo("Sekar Uji Formulir");
        assertThat(find(Paragraph.class).id("review-flags").getText()).contains("tanggal lahir beda dengan NIK");
        assertThat(find(Span.class).id("beneficiary-nik").getText()).matches("\\d{4} •••• •••• ••••");
    }

    @Test
    void aTypedNikThatIsRegisteredIsSaidAtOnceWithALinkOnlyToTheUsersOwnDistrictsRecord() {
        loginAs("uji.layar.op.pkl", Role.DISTRICT_OPERATOR, "33.26");
        var other = fixture.person("33.26", "Warga Lain Uji Layar", RegistryFixture.birth(), Sex.L);
        registry.register(other);
        String foreignNik = other.nik();
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        var own = fixture.person("33.03", "Warga Sendiri Uji Layar", RegistryFixture.birth(), Sex.P);
        Registration r = registry.register(own);

        BeneficiaryFormView form = navigate(BeneficiaryFormView.class);
        test(form.nik).setValue(own.nik());
        assertThat(form.nik.isInvalid()).isTrue();
        assertThat(form.nik.getErrorMessage()).contains("sudah terdaftar di kabupaten/kota Anda", "Warga Sendiri Uji Layar");
        assertThat(form.nikExisting.isVisible()).isTrue();
        assertThat(form.nikExisting.getHref()).isEqualTo("penerima-manfaat/" + r.id());

        test(form.nik).setValue(foreignNik);
        assertThat(form.nik.isInvalid()).isTrue();
        assertThat(form.nik.getErrorMessage()).isEqualTo("NIK sudah terdaftar; hubungi Dinas Sosial Provinsi");
        assertThat(form.nikExisting.isVisible()).isFalse();
        int audited = foundElsewhere("uji.layar.op.pbg");
        form.sex.setValue(Sex.P);
        form.birthDate.setValue(LocalDate.of(1990, 1, 1));
        assertThat(form.nik.getErrorMessage()).isEqualTo("NIK sudah terdaftar; hubungi Dinas Sosial Provinsi");
        assertThat(foundElsewhere("uji.layar.op.pbg")).as("the same NIK is not looked up again for another field").isEqualTo(audited);
    }

    private int foundElsewhere(String username) {
        var me = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        loginAs("uji.layar.admin", Role.PROVINCE_ADMIN, null);
        try {
            return audit.count(new AuditFilter(username, "BENEFICIARY_NIK_FOUND_ELSEWHERE", null, null, null));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(me);
        }
    }

    @Test
    void aMalformedNikIsShownBesideTheFieldAndNothingIsSaved() {
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        BeneficiaryFormView form = navigate(BeneficiaryFormView.class);
        test(form.nik).setValue("3303011313900001");
        assertThat(form.nik.isInvalid()).isTrue();
        assertThat(form.nik.getErrorMessage()).contains("Bulan lahir 13");
        test(form.fullName).setValue("Tidak Tersimpan");
        test(form.save).click();
        assertThat(getCurrentView()).isInstanceOf(BeneficiaryFormView.class);
        assertThat(form.fullName.getValue()).isEqualTo("Tidak Tersimpan");
        assertThat(form.kecamatan.isInvalid()).isTrue();
    }

    @Test
    void theDistrictHeadVerifiesFromTheRecordAndAnotherDistrictsHeadCannotFindIt() {
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        Registration r = registry.register(fixture.person("33.03", "Galuh Uji Verifikasi", RegistryFixture.birth(), Sex.P));

        loginAs("uji.layar.kadinsos.pbg", Role.DISTRICT_HEAD, "33.03");
        navigate("penerima-manfaat/" + r.id(), Component.class);
        test(find(Button.class).id("verify")).click();
        assertThat(find(Span.class).id("beneficiary-status").getText()).isEqualTo("Terverifikasi");

        loginAs("uji.layar.kadinsos.pkl", Role.DISTRICT_HEAD, "33.26");
        navigate("penerima-manfaat/" + r.id(), Component.class);
        assertThat(find(H2.class).single().getText()).isEqualTo("Data tidak ditemukan.");
        BeneficiaryListView list = navigate(BeneficiaryListView.class);
        test(list.name).setValue("Galuh Uji");
        assertThat(test(list.grid).size()).isZero();
        assertThat(list.count.getText()).isEqualTo("0 penerima manfaat");
    }

    @Test
    void anOperatorCorrectsARecordThroughTheEditForm() {
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        Registration r = registry.register(fixture.person("33.03", "Ningrum Salah Ketik", RegistryFixture.birth(), Sex.P));
        navigate("penerima-manfaat/" + r.id(), Component.class);
        test(find(Button.class).id("edit")).click();
        BeneficiaryEditView edit = (BeneficiaryEditView) getCurrentView();
        assertThat(edit.fullName.getValue()).isEqualTo("Ningrum Salah Ketik");
        assertThat(edit.desa.getValue()).isNotNull();
        test(edit.fullName).setValue("Ningrum Sudah Benar");
        test(edit.save).click();
        assertThat(getCurrentView()).isInstanceOf(BeneficiaryDetailView.class);
        assertThat(find(H2.class).id("beneficiary-name").getText()).isEqualTo("Ningrum Sudah Benar");
    }

    /** Whether a component with this id is on the page and visible. */
    private boolean shown(String id) {
        return find(Component.class).withId(id).withCondition(Component::isVisible).exists();
    }

    private List<String> shownOf(String... ids) {
        return Arrays.stream(ids).filter(this::shown).toList();
    }

    private static final String[] BUTTONS = {"beneficiary-new", "beneficiary-export", "edit", "verify", "return", "change-status",
            "reveal-nik", "document-upload"};

    @Test
    void eachRoleSeesTheButtonsAndFiltersItsServiceAllowsAndAFieldOfficerNoReferralSource() {
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        Registration r = registry.register(fixture.person("33.03", "Ratih Uji Tombol", RegistryFixture.birth(), Sex.P));
        BeneficiaryListView list = navigate(BeneficiaryListView.class);
        assertThat(shownOf(BUTTONS)).containsExactly("beneficiary-new", "beneficiary-export");
        assertThat(list.category.isVisible()).isTrue();
        navigate("penerima-manfaat/" + r.id(), Component.class);
        assertThat(shownOf(BUTTONS)).containsExactly("edit", "reveal-nik", "document-upload");
        assertThat(find(Span.class).withText("Lapas/Bapas").exists()).isTrue();

        loginAs("uji.layar.kadinsos.pbg", Role.DISTRICT_HEAD, "33.03");
        list = navigate(BeneficiaryListView.class);
        assertThat(shownOf(BUTTONS)).containsExactly("beneficiary-export");
        assertThat(list.category.isVisible()).isTrue();
        assertThat(list.referral.isVisible()).isTrue();
        test(list.name).setValue("Ratih Uji Tombol");
        list.referral.setValue("OUTREACH");
        assertThat(test(list.grid).size()).isZero();
        list.referral.setValue("LAPAS_BAPAS");
        assertThat(test(list.grid).size()).isEqualTo(1);
        navigate("penerima-manfaat/" + r.id(), Component.class);
        assertThat(shownOf(BUTTONS)).containsExactly("verify", "return", "change-status", "reveal-nik", "document-upload");

        loginAs("uji.layar.verifikator", Role.PROVINCE_OFFICER, null);
        navigate("penerima-manfaat/" + r.id(), Component.class);
        assertThat(shownOf(BUTTONS)).containsExactly("verify", "return", "change-status", "reveal-nik");

        loginAs("uji.layar.pendamping.pbg", Role.FIELD_OFFICER, "33.03");
        list = navigate(BeneficiaryListView.class);
        assertThat(shownOf(BUTTONS)).isEmpty();
        assertThat(list.category.isVisible()).isFalse();
        assertThat(list.referral.isVisible()).isFalse();
        navigate("penerima-manfaat/" + r.id(), Component.class);
        assertThat(shownOf(BUTTONS)).containsExactly("reveal-nik");
        assertThat(find(Span.class).withText("Lapas/Bapas").exists()).as("the referral source tells a criminal record").isFalse();
    }

    @Test
    void theListSearchesByNameShowsTheNikMaskedAndOpensTheRecord() {
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        Registration r = registry.register(fixture.person("33.03", "Kinanti Daftar Cari", RegistryFixture.birth(), Sex.P));
        BeneficiaryListView list = navigate(BeneficiaryListView.class);
        test(list.name).setValue("kinanti daf");
        assertThat(test(list.grid).size()).isEqualTo(1);
        assertThat(test(list.grid).getCellText(0, 0)).isEqualTo("3303 •••• •••• ••••");
        assertThat(test(list.grid).getCellText(0, 1)).isEqualTo("Kinanti Daftar Cari");
        test(list.grid).clickRow(0);
        assertThat(getCurrentView()).isInstanceOf(BeneficiaryDetailView.class);

        test(find(Button.class).id("reveal-nik")).click();
        test(find(TextField.class).id("reveal-reason")).setValue("cek KTP asli");
        test(find(Button.class).id("reveal-confirm")).click();
        assertThat(find(Span.class).id("beneficiary-nik").getText()).matches("\\d{16}");
        assertThat(r.id()).isPositive();
    }

    @Test
    void theDetailShowsTheKkNumberMaskedAndRevealsItForAReason() {
        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        var p = RegistryFixture.withKk(fixture.person("33.03", "Kirana Kartu Keluarga", RegistryFixture.birth(), Sex.P));
        String kk = p.kkNumber();
        Registration r = registry.register(p);
        navigate("penerima-manfaat/" + r.id(), BeneficiaryDetailView.class);

        assertThat(find(Span.class).id("beneficiary-kk").getText()).isEqualTo("3303 •••• •••• ••••");
        test(find(Button.class).id("reveal-kk")).click();
        test(find(TextField.class).id("reveal-reason")).setValue("cocokkan KK asli");
        test(find(Button.class).id("reveal-confirm")).click();
        assertThat(find(Span.class).id("beneficiary-kk").getText()).isEqualTo(kk);
        assertThat(find(Span.class).id("beneficiary-nik").getText()).isEqualTo("3303 •••• •••• ••••");
    }
}
