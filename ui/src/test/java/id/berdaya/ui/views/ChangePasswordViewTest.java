package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.IssuedPassword;
import id.berdaya.core.user.NewUser;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.core.user.ThrottledAuthenticationProvider;
import id.berdaya.core.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/** A user with a temporary password is sent to the password change before anything else. */
class ChangePasswordViewTest extends ViewTestSupport {

    @Autowired UserService users;
    @Autowired ThrottledAuthenticationProvider authentication;

    @Test
    void aNewUserMustChangeTheTemporaryPasswordBeforeSeeingAnythingElse() {
        loginAs("uji.ganti.admin", Role.PROVINCE_ADMIN, null);
        IssuedPassword issued = users.create(new NewUser("uji.ganti." + System.nanoTime() % 1_000_000, "Baru Masuk",
                Role.DISTRICT_OPERATOR, "33.03", "id"));
        TestAccounts.loginAs((BerdayaUser) authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                issued.user().username(), issued.temporaryPassword())).getPrincipal());

        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
        navigate("wilayah", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);

        test(find(PasswordField.class).id("current-password")).setValue(issued.temporaryPassword());
        test(find(PasswordField.class).id("new-password")).setValue("pendek");
        test(find(PasswordField.class).id("repeat-password")).setValue("pendek");
        test(find(Button.class).id("save-password")).click();
        assertThat(find(PasswordField.class).id("new-password").isInvalid()).isTrue();
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);

        test(find(PasswordField.class).id("new-password")).setValue("Kopi-Tubruk#2026");
        test(find(PasswordField.class).id("repeat-password")).setValue("Kopi-Tubruk#2026");
        test(find(Button.class).id("save-password")).click();
        assertThat(getCurrentView()).isInstanceOf(BerandaView.class);
        assertThat(users.myAccount().mustChangePassword()).isFalse();
    }
}
