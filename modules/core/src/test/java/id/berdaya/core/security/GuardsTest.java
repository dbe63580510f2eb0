package id.berdaya.core.security;

import id.berdaya.core.user.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A @PreAuthorize expression evaluated for the current user, as services answer "what may I do". */
class GuardsTest {

    private static BerdayaUser user(Role role) {
        return new BerdayaUser(7, "uji.guard", "Uji Guard", role, role.isDistrictLevel() ? "33.03" : null, true, false, null);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void anExpressionAllowsExactlyTheRolesItNamesAndNobodyWithoutAUser() {
        String heads = "hasAnyRole('DISTRICT_HEAD','PROVINCE_OFFICER')";
        assertThat(Guards.allows(heads)).as("no user").isFalse();
        TestAccounts.loginAs(user(Role.DISTRICT_HEAD));
        assertThat(Guards.allows(heads)).isTrue();
        assertThat(Guards.allows("hasRole('DISTRICT_OPERATOR')")).isFalse();
        assertThat(Guards.allows("isAuthenticated()")).isTrue();
        TestAccounts.loginAs(user(Role.FIELD_OFFICER));
        assertThat(Guards.allows(heads)).isFalse();
    }
}
