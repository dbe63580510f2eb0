package id.berdaya.ui.views;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.NewUser;
import id.berdaya.core.user.UserAccount;
import id.berdaya.core.user.UserChanges;
import id.berdaya.ui.components.Feedback;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The user form of the administration screen; the service's rules decide, the form shows them beside the fields. */
class UserForm extends Composite<FormLayout> {

    final TextField username = new TextField();
    final TextField fullName = new TextField();
    final Select<Role> role = new Select<>();
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final Select<String> locale = new Select<>();
    private final Map<String, HasValidation> fields;

    UserForm(List<Kabkota> districts) {
        username.setLabel(getTranslation("pengguna.username"));
        username.setId("user-username");
        username.setRequiredIndicatorVisible(true);
        fullName.setLabel(getTranslation("pengguna.fullName"));
        fullName.setId("user-fullname");
        fullName.setRequiredIndicatorVisible(true);
        role.setLabel(getTranslation("pengguna.role"));
        role.setId("user-role");
        role.setItems(Arrays.asList(Role.values()));
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        kabkota.setLabel(getTranslation("pengguna.kabkota"));
        kabkota.setId("user-kabkota");
        kabkota.setItems(districts);
        kabkota.setItemLabelGenerator(k -> k.code() + " " + k.displayName());
        locale.setLabel(getTranslation("pengguna.locale"));
        locale.setItems("id", "en");
        locale.setItemLabelGenerator(l -> getTranslation("lang." + l));
        locale.setValue("id");
        role.addValueChangeListener(e -> {
            boolean district = e.getValue() != null && e.getValue().isDistrictLevel();
            kabkota.setEnabled(district);
            kabkota.setRequiredIndicatorVisible(district);
            if (!district) {
                kabkota.clear();
            }
        });
        kabkota.setEnabled(false);
        getContent().add(username, fullName, role, kabkota, locale);
        fields = Map.of("username", username, "fullName", fullName, "role", role, "kabkota", kabkota);
    }

    void edit(UserAccount u, List<Kabkota> districts) {
        username.setValue(u.username());
        username.setReadOnly(true);
        fullName.setValue(u.fullName());
        role.setValue(u.role());
        kabkota.setValue(u.kabkotaCode() == null ? null
                : districts.stream().filter(k -> k.code().equals(u.kabkotaCode())).findFirst().orElse(null));
        locale.setValue(u.locale());
        locale.setReadOnly(true);
    }

    NewUser newUser() {
        return new NewUser(username.getValue(), fullName.getValue(), role.getValue(), code(), locale.getValue());
    }

    UserChanges changes(int version) {
        return new UserChanges(fullName.getValue(), role.getValue(), code(), version);
    }

    void show(RuleViolation v) {
        Feedback.show(this, v, fields);
    }

    private String code() {
        return kabkota.getValue() == null ? null : kabkota.getValue().code();
    }
}
