package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.catalogue.ItemGroup;
import id.berdaya.grants.catalogue.NewCatalogueItem;
import id.berdaya.grants.catalogue.Unit;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.ui.grants.NewProposalView;
import id.berdaya.ui.registry.BeneficiaryDetailView;
import id.berdaya.ui.grants.ProposalListView;
import id.berdaya.ui.grants.ProposalView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** /bantuan/usulan/baru, /bantuan/usulan/{id} and /bantuan: the operator drafts and submits; another district sees nothing. */
class ProposalScreensViewTest extends ViewTestSupport {

    @Autowired ProposalService proposals;
    @Autowired CatalogueService catalogue;
    @Autowired GrantsFixture fixture;

    @Test
    @SuppressWarnings("unchecked")
    void theOperatorDraftsAndSubmitsAProposalThatAnotherDistrictCannotOpen() {
        int year = LocalDate.now(IndonesianFormat.WIB).getYear();
        TestAccounts.loginAs(fixture.admin());
        CatalogueItem goat = catalogue.create(new NewCatalogueItem(year, "Kambing uji layar " + System.nanoTime(), ItemGroup.LIVESTOCK,
                Unit.EKOR, 2_500_000, true));
        long person = fixture.trainedPeople("33.03", 1).getFirst();

        loginAs("uji.layar.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        navigate(BeneficiaryDetailView.class, java.util.Map.of("id", String.valueOf(person)));
        assertThat($(RouterLink.class).withId("person-new-proposal").exists()).isTrue();
        com.vaadin.flow.component.UI.getCurrent().navigate(NewProposalView.class,
                com.vaadin.flow.router.QueryParameters.of("penerima", String.valueOf(person)));
        assertThat(getCurrentView()).isInstanceOf(NewProposalView.class);
        ((ComboBox<BusinessType>) $(ComboBox.class).id("proposal-business-type")).setValue(BusinessType.GOAT_SHEEP);
        test($(TextArea.class).id("proposal-plan")).setValue("Beternak kambing untuk anakan; kandang sudah ada di pekarangan (uji).");
        test($(TextField.class).id("proposal-location")).setValue("Desa Uji RT 03 RW 01");
        ((ComboBox<CatalogueItem>) $(ComboBox.class).id("proposal-item")).setValue(goat);
        test($(IntegerField.class).id("proposal-quantity")).setValue(2);
        test($(Button.class).id("proposal-add-item")).click();
        assertThat($(Span.class).id("proposal-total").getText()).endsWith("Rp 5.000.000");
        test($(Button.class).id("proposal-save")).click();

        assertThat(getCurrentView()).isInstanceOf(ProposalView.class);
        assertThat($(Span.class).id("proposal-state").getText()).isEqualTo("Draf");
        test($(Button.class).id("proposal-submit")).click();
        assertThat($(Span.class).id("proposal-state").getText()).isEqualTo("Diajukan");
        assertThat($(UnorderedList.class).id("proposal-history").getElement().getTextRecursively()).contains("Draf", "Diajukan");
        assertThat($(Button.class).withId("proposal-submit").exists()).isFalse();
        Proposal p = proposals.list(null).stream().filter(x -> x.beneficiaryId() == person).findFirst().orElseThrow();
        assertThat(p.state()).isEqualTo(ProposalState.SUBMITTED);
        assertThat(p.total()).isEqualTo(5_000_000);

        navigate(ProposalListView.class);
        Grid<Proposal> grid = $(Grid.class).id("proposal-grid");
        assertThat(grid.getGenericDataView().getItems().map(Proposal::id).toList()).contains(p.id());
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(c -> c.getHeaderText()).toList())
                .as("a district's user: no district column").doesNotContain("Kabupaten/Kota").contains("Penerima Manfaat");
        navigate(BeneficiaryDetailView.class, java.util.Map.of("id", String.valueOf(person)));
        assertThat($(VerticalLayout.class).id("person-proposals").getElement().getTextRecursively()).contains("Diajukan", "Rp 5.000.000");
        assertThat($(RouterLink.class).withId("person-new-proposal").exists()).isFalse();

        loginAs("uji.layar.op.pkl", Role.DISTRICT_OPERATOR, "33.26");
        navigate(ProposalView.class, java.util.Map.of("id", String.valueOf(p.id())));
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("ditemukan").doesNotContain(p.beneficiaryName());
        navigate(ProposalListView.class);
        Grid<Proposal> pklGrid = $(Grid.class).id("proposal-grid");
        assertThat(pklGrid.getGenericDataView().getItems().map(Proposal::id).toList()).doesNotContain(p.id());
        assertThat(p.kabkotaCode()).isEqualTo("33.03");
    }
}
