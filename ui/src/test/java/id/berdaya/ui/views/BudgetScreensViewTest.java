package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.security.Role;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.ItemGroup;
import id.berdaya.grants.catalogue.Unit;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.ui.grants.CatalogueView;
import id.berdaya.ui.grants.CeilingsView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /bantuan/katalog and /bantuan/pagu: the administrator keeps them, a district head reads its own. */
class BudgetScreensViewTest extends ViewTestSupport {

    @Autowired BudgetService budget;

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(String id) {
        Grid<T> grid = $(Grid.class).id(id);
        return grid.getGenericDataView().getItems().toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdministratorAddsAnItemAndSetsAPaguThatAHeadSeesOnlyForTheirDistrict() {
        loginAs("uji.layar.admin", Role.PROVINCE_ADMIN, null);
        navigate(CatalogueView.class);
        test($(TextField.class).id("catalogue-name")).setValue("Kambing Jawa Randu (uji layar)");
        ((ComboBox<ItemGroup>) $(ComboBox.class).id("catalogue-group")).setValue(ItemGroup.LIVESTOCK);
        ((ComboBox<Unit>) $(ComboBox.class).id("catalogue-unit")).setValue(Unit.EKOR);
        test($(IntegerField.class).id("catalogue-price")).setValue(2_600_000);
        test($(Button.class).id("catalogue-save")).click();
        assertThat(this.<CatalogueItem>rows("catalogue-grid")).anyMatch(i -> i.name().equals("Kambing Jawa Randu (uji layar)")
                && i.unitPrice() == 2_600_000);
        test($(Button.class).id("catalogue-save")).click(); // an empty form: refused beside its fields
        assertThat($(TextField.class).id("catalogue-name").isInvalid()).isTrue();

        navigate(CeilingsView.class);
        int year = ((ComboBox<Integer>) $(ComboBox.class).id("ceilings-year")).getValue();
        ComboBox<Kabkota> kabkota = $(ComboBox.class).id("ceilings-kabkota");
        kabkota.setValue(kabkota.getListDataView().getItems().filter(k -> k.code().equals("33.05")).findFirst().orElseThrow());
        test($(IntegerField.class).id("ceilings-pagu")).setValue(90_000_000);
        test($(Button.class).id("ceilings-save-pagu")).click();
        kabkota.setValue(kabkota.getListDataView().getItems().filter(k -> k.code().equals("33.06")).findFirst().orElseThrow());
        test($(IntegerField.class).id("ceilings-pagu")).setValue(80_000_000);
        test($(Button.class).id("ceilings-save-pagu")).click();
        assertThat(this.<ProposalService.Absorption>rows("ceilings-grid")).anySatisfy(a -> {
            assertThat(a.kabkotaCode()).isEqualTo("33.05");
            assertThat(a.pagu()).isEqualTo(90_000_000);
            assertThat(a.remaining()).isEqualTo(90_000_000 - a.committed());
        });
        assertThat(budget.ceiling("33.05", year)).isPresent();

        // (a new view each: the browserless UI reuses the view of the route it is on)
        loginAs("uji.layar.head.33.05", Role.DISTRICT_HEAD, "33.05");
        navigate(CatalogueView.class);
        assertThat($(Button.class).withId("catalogue-save").exists()).isFalse();
        assertThat(this.<CatalogueItem>rows("catalogue-grid")).anyMatch(i -> i.name().equals("Kambing Jawa Randu (uji layar)"));
        navigate(CeilingsView.class);
        assertThat(this.<ProposalService.Absorption>rows("ceilings-grid")).extracting(ProposalService.Absorption::kabkotaCode)
                .containsOnly("33.05");
        assertThat($(Button.class).withId("ceilings-save-pagu").exists()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachDistrictRowOffersItsDecreeAttachmentAsPdfAndXlsx() {
        loginAs("uji.layar.admin", Role.PROVINCE_ADMIN, null);
        navigate(CeilingsView.class);
        int year = ((ComboBox<Integer>) $(ComboBox.class).id("ceilings-year")).getValue();
        if (budget.ceiling("33.07", year).isEmpty()) {
            budget.setCeiling("33.07", year, 70_000_000, null);
        }
        loginAs("uji.layar.verif", Role.PROVINCE_OFFICER, null);
        navigate(CatalogueView.class); // (a new view: the browserless UI reuses the view of the route it is on)
        navigate(CeilingsView.class);
        Grid<ProposalService.Absorption> grid = $(Grid.class).id("ceilings-grid");
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText).contains("Lampiran SK");
        List<ProposalService.Absorption> shown = this.<ProposalService.Absorption>rows("ceilings-grid");
        assertThat(shown).isNotEmpty();
        String first = shown.getFirst().kabkotaCode();
        com.vaadin.flow.component.Component cell = grid.getColumns().getLast().getRenderer() instanceof
                com.vaadin.flow.data.renderer.ComponentRenderer<?, ?> r
                ? ((com.vaadin.flow.data.renderer.ComponentRenderer<com.vaadin.flow.component.Component, ProposalService.Absorption>) r)
                        .createComponent(shown.getFirst()) : null;
        assertThat(cell).isNotNull();
        assertThat(cell.getChildren().map(c -> c.getId().orElse("")).toList())
                .containsExactly("decree-pdf-" + first, "decree-xlsx-" + first);
    }
}
