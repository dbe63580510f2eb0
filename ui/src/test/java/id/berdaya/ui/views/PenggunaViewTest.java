package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.UserAccount;
import id.berdaya.core.user.UserFilter;
import id.berdaya.core.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** User administration through the screen, as a province administrator. */
class PenggunaViewTest extends ViewTestSupport {

    @Autowired UserService users;
    PenggunaView view;

    @BeforeEach
    void openAsAdmin() {
        loginAs("uji.pengguna.admin", Role.PROVINCE_ADMIN, null);
        view = navigate(PenggunaView.class);
    }

    @SuppressWarnings("unchecked")
    private void fillNewUser(String username, String fullName, Role role, String kabkota) {
        test(find(Button.class).id("user-new")).click();
        test(find(TextField.class).id("user-username")).setValue(username);
        test(find(TextField.class).id("user-fullname")).setValue(fullName);
        test((Select<Role>) find(Select.class).id("user-role")).selectItem(
                view.getTranslation("role." + role.name()));
        if (kabkota != null) {
            ComboBox<Kabkota> combo = find(ComboBox.class).id("user-kabkota");
            combo.setValue(combo.getListDataView().getItems().filter(k -> k.code().equals(kabkota)).findFirst().orElseThrow());
        }
        test(find(Button.class).id("user-save")).click();
    }

    @Test
    void anAdministratorCreatesADistrictUserAndSeesTheTemporaryPasswordOnce() {
        String name = "uji.layar." + System.nanoTime() % 1_000_000;
        fillNewUser(name, "Rini Uji Layar", Role.DISTRICT_OPERATOR, "33.03");

        String temporary = find(Span.class).id("temporary-password").getText();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
        UserAccount created = users.page(new UserFilter(name, null, null, null), 0, 1).getFirst();
        assertThat(created.kabkotaCode()).isEqualTo("33.03");
        assertThat(created.mustChangePassword()).isTrue();

        view.search.setValue(name);
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo(name);
    }

    @Test
    void aDistrictRoleWithoutDistrictIsRefusedBesideTheFieldAndNothingIsCreated() {
        String name = "uji.tanpa." + System.nanoTime() % 1_000_000;
        int before = users.count(UserFilter.none());
        fillNewUser(name, "Tanpa Kabupaten", Role.DISTRICT_HEAD, null);

        ComboBox<?> kabkota = find(ComboBox.class).id("user-kabkota");
        assertThat(kabkota.isInvalid()).isTrue();
        assertThat(kabkota.getErrorMessage()).contains("kabupaten/kota");
        assertThat(find(TextField.class).id("user-username").getValue()).as("what was typed is kept").isEqualTo(name);
        assertThat(users.count(UserFilter.none())).isEqualTo(before);
    }

    @Test
    void disablingAUserAsksForConfirmationAndMarksThemInactive() {
        String name = "uji.matikan." + System.nanoTime() % 1_000_000;
        fillNewUser(name, "Akan Dimatikan", Role.FIELD_OFFICER, "33.26");
        view.search.setValue(name);

        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) test(view.grid).getCellComponent(0, 6);
        Button disable = (Button) actions.getComponentAt(1);
        assertThat(disable.getElement().getAttribute("aria-label")).isEqualTo(view.getTranslation("action.disable") + " " + name);
        test(disable).click();
        test(find(ConfirmDialog.class).single()).confirm();

        UserAccount after = users.page(new UserFilter(name, null, null, null), 0, 1).getFirst();
        assertThat(after.enabled()).isFalse();
        assertThat(test(view.grid).getCellText(0, 4)).startsWith("Nonaktif");
    }
}
