package id.berdaya.ui.views;

import id.berdaya.core.audit.AuditAction;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.NewUser;
import id.berdaya.core.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit screen filters the trail with the same condition for rows and count. */
class AuditViewTest extends ViewTestSupport {

    @Autowired UserService users;

    @Test
    void filteringByUserAndActionShowsOnlyThoseEvents() {
        String admin = "uji.auditlayar." + System.nanoTime() % 1_000_000;
        loginAs(admin, Role.PROVINCE_ADMIN, null);
        users.create(new NewUser(admin + ".a", "Satu", Role.PROVINCE_OFFICER, null, "id"));
        users.create(new NewUser(admin + ".b", "Dua", Role.DISTRICT_HEAD, "33.26", "id"));

        AuditView view = navigate(AuditView.class);
        test(view.user).setValue(admin);
        test(view.action).selectItem(AuditAction.USER_CREATED);

        assertThat(test(view.grid).size()).isEqualTo(2);
        for (int row = 0; row < 2; row++) {
            assertThat(test(view.grid).getCellText(row, 1)).isEqualTo(admin);
            assertThat(test(view.grid).getCellText(row, 4)).isEqualTo(AuditAction.USER_CREATED);
        }
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("33.26");
    }
}
