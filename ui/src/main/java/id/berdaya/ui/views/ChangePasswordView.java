package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.user.UserService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.i18n.UiInitialization;
import jakarta.annotation.security.PermitAll;

import java.util.Map;

/** Change one's own password; users with a temporary password are sent here first. */
@Route("ganti-kata-sandi")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public ChangePasswordView(UserService users) {
        setMaxWidth("32rem");
        add(new H2(getTranslation("password.title")));
        if (users.myAccount().mustChangePassword()) {
            Paragraph must = new Paragraph(getTranslation("password.mustChange"));
            must.addClassName("berdaya-warning");
            add(must);
        }
        PasswordField current = new PasswordField(getTranslation("password.current"));
        PasswordField next = new PasswordField(getTranslation("password.new"));
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        current.setId("current-password");
        next.setId("new-password");
        repeat.setId("repeat-password");
        next.setHelperText(getTranslation("password.rules"));
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidthFull();
        }
        Button save = new Button(getTranslation("action.save"), e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password.mismatch"));
                repeat.setInvalid(true);
                return;
            }
            repeat.setInvalid(false);
            try {
                users.changeMyPassword(current.getValue(), next.getValue());
                UiInitialization.passwordChanged(getUI().orElseThrow());
                Feedback.success(this, "password.changed");
                getUI().ifPresent(ui -> ui.navigate(BerandaView.class));
            } catch (RuleViolation v) {
                Feedback.show(this, v, Map.of("currentPassword", current, "password", next));
            }
        });
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(current, next, repeat, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · Berdaya";
    }
}
