package id.berdaya.core.user;

import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo accounts (published password) are usable only under the demo profile. */
@SpringBootTest(classes = CoreTestApplication.class)
class DemoAccountsTest {

    @Autowired DemoAccountsOutsideDemo outsideDemo;
    @Autowired UserRepository users;
    @Autowired TestAccounts accounts;
    @Autowired PasswordEncoder encoder;

    @Test
    void aStartWithoutTheDemoProfileDisablesDemoAccountsLeftByAnEarlierDemoRun() {
        accounts.ensure("operator.pekalongan", Role.DISTRICT_OPERATOR, "33.26");
        assertThat(users.byUsername("operator.pekalongan").orElseThrow().getEnabled()).isTrue();

        assertThat(outsideDemo.disableDemoAccounts()).isPositive();

        assertThat(users.byUsername("operator.pekalongan").orElseThrow().getEnabled()).isFalse();
        assertThat(outsideDemo.disableDemoAccounts()).as("nothing left to disable").isZero();
    }

    @Test
    void theDemoPasswordPassesThePolicyItIsPublishedUnder() {
        assertThat(id.berdaya.core.security.PasswordPolicy.check("admin.provinsi", DemoAccounts.DEMO_PASSWORD)).isEmpty();
        assertThat(DemoAccounts.ACCOUNTS).hasSize(7)
                .allSatisfy(d -> assertThat(d.role().getLiteral().startsWith("PROVINCE")).isEqualTo(d.kabkota() == null));
    }
}
