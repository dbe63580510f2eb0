package id.berdaya.ui.views;

import com.vaadin.flow.component.html.Span;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What each role sees in the navigation, and which routes are refused (as "not found", audited). */
class NavigationByRoleViewTest extends ViewTestSupport {

    @Autowired AuditService audit;

    @Test
    void provinceAdministratorSeesEveryScreen() {
        loginAs("uji.nav.admin", Role.PROVINCE_ADMIN, null);
        navigate(BerandaView.class);
        assertThat(menu()).containsExactly("Beranda", "Penerima Manfaat", "Impor", "Jenis PPKS", "Pelatihan", "Mitra", "Bantuan", "Persetujuan", "Pemantauan", "Katalog Harga", "Pagu", "Laporan", "Wilayah", "Pengguna", "Audit");
        assertThat(navigate(PenggunaView.class)).isInstanceOf(PenggunaView.class);
        assertThat(navigate(AuditView.class)).isInstanceOf(AuditView.class);
    }

    @Test
    void provinceOfficerSeesNoAdministration() {
        loginAs("uji.nav.verif", Role.PROVINCE_OFFICER, null);
        navigate(BerandaView.class);
        assertThat(menu()).containsExactly("Beranda", "Penerima Manfaat", "Data Ganda", "Pelatihan", "Mitra", "Bantuan", "Persetujuan", "Pemantauan", "Katalog Harga", "Pagu", "Laporan", "Wilayah");
    }

    @Test
    void districtRolesSeeTheRegisterButNoAdministration() {
        // one role per test: a browserless UI keeps its layout (and so its menu) across navigations
        loginAs("uji.nav.field_officer", Role.FIELD_OFFICER, "33.03");
        navigate(BerandaView.class);
        assertThat(menu()).containsExactly("Beranda", "Penerima Manfaat", "Pelatihan", "Bantuan", "Pemantauan", "Laporan", "Wilayah");
    }

    @Test
    void districtHeadsAlsoSeeTheirApprovalInbox() {
        loginAs("uji.nav.district_head", Role.DISTRICT_HEAD, "33.03");
        navigate(BerandaView.class);
        assertThat(menu()).containsExactly("Beranda", "Penerima Manfaat", "Pelatihan", "Bantuan", "Persetujuan", "Pemantauan", "Katalog Harga", "Pagu", "Laporan", "Wilayah");
    }

    @Test
    void districtOperatorsAlsoSeeTheImport() {
        loginAs("uji.nav.district_operator", Role.DISTRICT_OPERATOR, "33.03");
        navigate(BerandaView.class);
        assertThat(menu()).containsExactly("Beranda", "Penerima Manfaat", "Impor", "Pelatihan", "Bantuan", "Pemantauan", "Laporan", "Wilayah");
    }

    @Test
    void onlyOperatorsAndProvinceAdministratorsMayOpenTheImport() {
        for (Role role : new Role[] {Role.DISTRICT_HEAD, Role.FIELD_OFFICER, Role.PROVINCE_OFFICER, Role.PARTNER}) {
            loginAs("uji.nav.impor." + role.name().toLowerCase(), role, role.isDistrictLevel() ? "33.03" : null);
            navigate(BerandaView.class);
            navigate("penerima-manfaat/impor", com.vaadin.flow.component.Component.class);
            assertThat(getCurrentView()).as(role.name()).isInstanceOf(NotFoundView.class);
        }
    }

    @Test
    void partnersNeverSeeTheRegister() {
        loginAs("uji.nav.partner", Role.PARTNER, "33.03");
        navigate(BerandaView.class);
        assertThat(menu()).containsExactly("Beranda", "Pelatihan", "Laporan", "Wilayah");
        navigate("penerima-manfaat", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void aDistrictHeadIsRefusedTheUserAdministrationAndTheRefusalIsAudited() {
        loginAs("uji.nav.kadinsos.pkl", Role.DISTRICT_HEAD, "33.26");
        navigate(BerandaView.class);
        navigate("pengguna", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        navigate("audit", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);

        loginAs("uji.nav.admin", Role.PROVINCE_ADMIN, null);
        assertThat(audit.page(new AuditFilter("uji.nav.kadinsos.pkl", CoreAction.ACCESS_DENIED.code(), null, null, null), 0, 10))
                .extracting(e -> e.entityId()).contains("/pengguna", "/audit");
    }

    @Test
    void homeShowsTheUsersRoleAndDistrict() {
        loginAs("uji.nav.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        navigate(BerandaView.class);
        assertThat(find(Span.class).id("my-role").getText()).isEqualTo("Operator Kab/Kota");
        assertThat(find(Span.class).id("my-district").getText()).isEqualTo("Kabupaten Purbalingga (33.03)");
    }
}
