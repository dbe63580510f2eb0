package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.UserAccount;
import id.berdaya.training.partner.Partner;
import id.berdaya.training.partner.PartnerService;
import id.berdaya.training.partner.PartnerType;
import id.berdaya.ui.training.PartnersView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** /mitra: the province adds an agency and links a PARTNER account to it; district roles cannot open it. */
class PartnersViewTest extends ViewTestSupport {

    @Autowired PartnerService partners;

    @Test
    @SuppressWarnings("unchecked")
    void theProvinceAdministratorAddsAnAgencyAndLinksAPartnerAccount() {
        BerdayaUser partnerUser = accounts.fresh("uji.pel.mitra.layar", Role.PARTNER, "33.03");
        loginAs("uji.nav.admin", Role.PROVINCE_ADMIN, null);
        navigate(PartnersView.class);
        String name = "LSM Uji Layar " + System.nanoTime();
        $(TextField.class).id("partner-name").setValue(name);
        ((ComboBox<PartnerType>) $(ComboBox.class).id("partner-type")).setValue(PartnerType.NGO);
        test($(Button.class).id("partner-save")).click();
        Grid<Partner> grid = $(Grid.class).id("partner-grid");
        Partner added = grid.getGenericDataView().getItems().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertThat(added.kabkotaCode()).isNull();

        grid.select(added);
        ComboBox<UserAccount> account = $(ComboBox.class).id("partner-account");
        account.setValue(account.getListDataView().getItems().filter(u -> u.id() == partnerUser.id()).findFirst().orElseThrow());
        test($(Button.class).id("partner-account-link")).click();
        assertThat(partners.partnerOfUser(partnerUser.id())).contains(added.id());

        loginAs("uji.nav.district_operator", Role.DISTRICT_OPERATOR, "33.03");
        navigate(BerandaView.class);
        navigate("mitra", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }
}
