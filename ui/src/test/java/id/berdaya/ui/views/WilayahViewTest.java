package id.berdaya.ui.views;

import com.vaadin.flow.component.grid.Grid;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.security.Role;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.duplicate.DuplicatePair;
import id.berdaya.registry.duplicate.DuplicateService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The regions page's register figures: the scorecard's kept counts, within the user's scope. */
class WilayahViewTest extends ViewTestSupport {

    static final String SRAGEN = "33.14";

    @Autowired BeneficiaryService registry;
    @Autowired DuplicateService duplicates;
    @Autowired RegistryFixture fixture;

    @Test
    void aRegistrationAddsOneToItsDistrict_aMergedDuplicateIsNotCounted_andDistrictStaffSeeTheirOwnOnly() {
        loginAs("uji.wilayah.admin", Role.PROVINCE_ADMIN, null);
        long before = registered(SRAGEN);

        loginAs("uji.wilayah.op.srg", Role.DISTRICT_OPERATOR, SRAGEN);
        LocalDate birth = RegistryFixture.birth();
        long older = registry.register(fixture.person(SRAGEN, "Sumirah Wilayah Ganda", birth, Sex.P)).id();
        long newer = registry.register(fixture.person(SRAGEN, "Sumirah Wilayah-Ganda", birth, Sex.P)).id();
        loginAs("uji.wilayah.verif", Role.PROVINCE_OFFICER, null);
        DuplicatePair pair = duplicates.openOf(newer).getFirst();
        duplicates.merge(pair.id(), older, pair.version());

        loginAs("uji.wilayah.admin", Role.PROVINCE_ADMIN, null);
        assertThat(registered(SRAGEN)).as("two registered, one merged into the other").isEqualTo(before + 1);

        loginAs("uji.wilayah.head.srg", Role.DISTRICT_HEAD, SRAGEN);
        assertThat(registered(SRAGEN)).isEqualTo(before + 1);
        assertThat(registered("33.03")).as("another district's figure").isZero();
    }

    /** The register's column of a kabupaten/kota's row on a freshly opened page. */
    @SuppressWarnings("unchecked")
    private long registered(String kabkota) {
        navigate(BerandaView.class); // leave, so that the regions page is built anew
        navigate(WilayahView.class);
        Grid<Kabkota> grid = find(Grid.class).id("kabkota-grid");
        int row = IntStream.range(0, test(grid).size()).filter(r -> test(grid).getCellText(r, 0).equals(kabkota)).findFirst().orElseThrow();
        return Long.parseLong(test(grid).getCellText(row, 4));
    }
}
