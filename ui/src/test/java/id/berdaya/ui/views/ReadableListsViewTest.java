package id.berdaya.ui.views;

import com.vaadin.flow.component.grid.Grid;
import id.berdaya.core.security.Role;
import id.berdaya.ui.registry.BeneficiaryListView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists stay readable at 1366 px: only the name column takes the spare width (the others keep the
 * width they need). That the name wraps instead of being cut is checked by eye in Chromium.
 */
class ReadableListsViewTest extends ViewTestSupport {

    @Test
    void theRegisterListGivesTheSpareWidthToTheName() {
        loginAs("uji.lebar.admin", Role.PROVINCE_ADMIN, null);
        navigate(BeneficiaryListView.class);
        assertOnlyNameGrows(find(Grid.class).id("beneficiary-grid"), 1);
    }

    @Test
    void theRegionTablesGiveTheSpareWidthToTheNames() {
        loginAs("uji.lebar.admin", Role.PROVINCE_ADMIN, null);
        navigate(WilayahView.class);
        for (String id : List.of("kabkota-grid", "kecamatan-grid", "desa-grid")) {
            assertOnlyNameGrows(find(Grid.class).id(id), 1);
        }
    }

    private static void assertOnlyNameGrows(Grid<?> grid, int nameColumn) {
        List<? extends Grid.Column<?>> columns = grid.getColumns();
        for (int c = 0; c < columns.size(); c++) {
            assertThat(columns.get(c).getFlexGrow()).as(grid.getId().orElse("") + " column " + c).isEqualTo(c == nameColumn ? 1 : 0);
        }
    }
}
