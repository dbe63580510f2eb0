package id.berdaya.core.audit;

import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.core.user.UserFilter;
import id.berdaya.core.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service call that method security refuses is audited like a refused screen. */
@SpringBootTest(classes = CoreTestApplication.class)
class MethodDenialAuditTest {

    @Autowired TestAccounts accounts;
    @Autowired UserService users;
    @Autowired AuditService audit;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void aRefusedServiceCallIsAuditedWithTheUserTheirDistrictAndTheMethod() {
        BerdayaUser operator = accounts.fresh("uji.tolak.metode", Role.DISTRICT_OPERATOR, "33.03");
        TestAccounts.loginAs(operator);
        assertThatThrownBy(() -> users.page(UserFilter.none(), 0, 10)).isInstanceOf(AccessDeniedException.class);

        TestAccounts.loginAs(accounts.ensure("uji.admin.tolak", Role.PROVINCE_ADMIN, null));
        List<AuditEntry> denials = audit.page(new AuditFilter(operator.getUsername(), CoreAction.ACCESS_DENIED.code(), null, null, null), 0, 10);
        assertThat(denials).singleElement().satisfies(e -> {
            assertThat(e.entityType()).isEqualTo("METHOD");
            assertThat(e.entityId()).isEqualTo("UserService.page");
            assertThat(e.role()).isEqualTo("DISTRICT_OPERATOR");
            assertThat(e.kabkotaCode()).isEqualTo("33.03");
        });
    }
}
