package id.berdaya.core.region;

import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = CoreTestApplication.class)
class RegionServiceTest {

    @Autowired RegionService regions;
    @Autowired TestAccounts accounts;

    @BeforeEach
    void login() {
        TestAccounts.loginAs(accounts.ensure("uji.wilayah", Role.DISTRICT_OPERATOR, "33.26"));
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void referenceDataHasEveryRegionOfJawaTengah() {
        List<Kabkota> all = regions.kabkota();
        assertThat(all).hasSize(35);
        assertThat(all.stream().filter(k -> k.type() == Kabkota.Type.KOTA)).hasSize(6);
        assertThat(all.stream().mapToInt(Kabkota::kecamatanCount).sum()).isEqualTo(576);
        assertThat(all.stream().mapToInt(Kabkota::desaCount).sum()).isEqualTo(8563);
    }

    @Test
    void purbalinggaHasItsKecamatanAndDesa() {
        Kabkota purbalingga = regions.kabkota("33.03").orElseThrow();
        assertThat(purbalingga.displayName()).isEqualTo("Kabupaten Purbalingga");
        assertThat(purbalingga.kecamatanCount()).isEqualTo(18);
        assertThat(purbalingga.desaCount()).isEqualTo(239);
        List<Kecamatan> kecamatan = regions.kecamatan("33.03");
        assertThat(kecamatan).hasSize(18).allMatch(k -> k.kabkotaCode().equals("33.03"));
        Kecamatan first = kecamatan.getFirst();
        assertThat(regions.desa(first.code())).hasSize(first.desaCount()).isNotEmpty();
    }

    @Test
    void namesSharedByKabupatenAndKotaAreDisplayedApart() {
        assertThat(regions.kabkota("33.26").orElseThrow().displayName()).isEqualTo("Kabupaten Pekalongan");
        assertThat(regions.kabkota("33.75").orElseThrow().displayName()).isEqualTo("Kota Pekalongan");
    }

    @Test
    void kelurahanAreToldFromDesaByTheirCode() {
        assertThat(new Desa("33.03.01.1001", "33.03.01", "X").kelurahan()).isTrue();
        assertThat(new Desa("33.03.01.2001", "33.03.01", "X").kelurahan()).isFalse();
    }

    @Test
    void nationalCodeListsCoverEveryProvince() {
        assertThat(regions.provinceName("33")).contains("Jawa Tengah");
        assertThat(regions.provinceName("99")).isEmpty();
        assertThat(regions.nationalKabkotaName("31.71")).isPresent();
    }

    @Test
    void regionsAreNotServedWithoutLogin() {
        TestAccounts.logout();
        assertThatThrownBy(() -> regions.kabkota("33.03")).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
