package id.berdaya.core.user;

import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.audit.AuditAction;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.PasswordPolicy;
import id.berdaya.core.security.Role;
import id.berdaya.db.enums.AppUserRole;
import id.berdaya.db.tables.records.AppUserRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo accounts (published password) are usable only under the demo profile, and known by their mark, not their name. */
@SpringBootTest(classes = CoreTestApplication.class)
class DemoAccountsTest {

    @Autowired DemoAccountsOutsideDemo outsideDemo;
    @Autowired UserRepository users;
    @Autowired TestAccounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired ThrottledAuthenticationProvider authentication;
    @Autowired AuditLog audit;
    @Autowired DSLContext dsl;

    /** An account as a demo run leaves it: marked demo, with the published password. */
    private String demoAccount(String username) {
        tx.executeWithoutResult(s -> {
            AppUserRecord r = users.newRecord();
            r.setUsername(username);
            r.setFullName("Akun Demo Uji");
            r.setRole(AppUserRole.FIELD_OFFICER);
            r.setKabkotaCode("33.03");
            r.setPasswordHash(encoder.encode(DemoAccounts.DEMO_PASSWORD));
            r.setMustChangePassword(false);
            r.setEnabled(true);
            r.setDemo(true);
            r.setLocale("id");
            r.setCreatedAt(UserRepository.utc(clock.instant()));
            r.setUpdatedAt(r.getCreatedAt());
            r.store();
        });
        return username;
    }

    @Test
    void aStartWithoutTheDemoProfileDisablesDemoAccountsAndLeavesNoUsableHash() {
        String demo = demoAccount("demo.uji." + System.nanoTime() % 1_000_000);

        assertThat(outsideDemo.disableDemoAccounts()).isPositive();

        AppUserRecord r = users.byUsername(demo).orElseThrow();
        assertThat(r.getEnabled()).isFalse();
        assertThat(r.getPasswordHash()).isEqualTo(DemoAccountsOutsideDemo.UNUSABLE_HASH);
        assertThat(encoder.matches(DemoAccounts.DEMO_PASSWORD, r.getPasswordHash())).as("the published password").isFalse();
        assertThatThrownBy(() -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                demo, DemoAccounts.DEMO_PASSWORD))).isInstanceOf(DisabledException.class);
        assertThat(outsideDemo.disableDemoAccounts()).as("nothing left to disable").isZero();
    }

    @Test
    void aUserWhoOnlyBearsADemoAccountsNameIsNoDemoAccount() {
        accounts.ensure("kadinsos.pekalongan", Role.DISTRICT_HEAD, "33.26");

        outsideDemo.disableDemoAccounts();

        AppUserRecord r = users.byUsername("kadinsos.pekalongan").orElseThrow();
        assertThat(r.getEnabled()).isTrue();
        assertThat(encoder.matches(TestAccounts.PASSWORD, r.getPasswordHash())).isTrue();
    }

    @Test
    void theDemoProfileRefusesAnExternalDatabaseOrOneWithRealUsers() {
        assertThatThrownBy(() -> DemoProfileGuard.check(false, List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedded database");
        assertThatThrownBy(() -> DemoProfileGuard.check(true, List.of("sari.operator")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sari.operator");
        DemoProfileGuard.check(true, List.of());
    }

    @Test
    void realUsersAreThoseNotMarkedDemoExceptAFirstRunAdministratorNobodyLoggedInWith() {
        String demo = demoAccount("demo.nyata." + System.nanoTime() % 1_000_000);
        String real = accounts.fresh("uji.nyata", Role.PROVINCE_OFFICER, null).getUsername();
        accounts.ensure(FirstRunAdmin.USERNAME, Role.PROVINCE_ADMIN, null);
        long admin = users.byUsername(FirstRunAdmin.USERNAME).orElseThrow().getId();
        users.setLastLogin(admin, null);

        List<String> realUsers = users.realUserNames(FirstRunAdmin.USERNAME, 10_000);
        assertThat(realUsers).contains(real).doesNotContain(demo, FirstRunAdmin.USERNAME);

        users.setLastLogin(admin, clock.instant());
        assertThat(users.realUserNames(FirstRunAdmin.USERNAME, 10_000)).as("once someone logged in as admin").contains(FirstRunAdmin.USERNAME);
        users.setLastLogin(admin, null);
    }

    @Test
    void theMigrationMarksTheAccountsThatAnEarlierDemoRunAuditedAsDemo() throws java.io.IOException {
        String sql = new String(getClass().getResourceAsStream("/db/migration/V009__demo_accounts_marked.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        String update = sql.substring(sql.indexOf("UPDATE app_user")).trim().replaceAll(";$", "");
        String seeded = accounts.fresh("uji.demo.lama", Role.FIELD_OFFICER, "33.03").getUsername();
        String created = accounts.fresh("uji.bukan.demo", Role.FIELD_OFFICER, "33.03").getUsername();
        long seededId = users.byUsername(seeded).orElseThrow().getId();
        long createdId = users.byUsername(created).orElseThrow().getId();
        tx.executeWithoutResult(s -> {
            audit.record(AuditEvent.of(CoreAction.USER_CREATED).entity(CoreEntity.USER, seededId).district("33.03")
                    .after(Map.of("username", seeded, "demo", true)));
            audit.record(AuditEvent.of(CoreAction.USER_CREATED).entity(CoreEntity.USER, createdId).district("33.03")
                    .after(Map.of("username", created, "role", "FIELD_OFFICER")));
        });

        dsl.execute(update);

        assertThat(users.byUsername(seeded).orElseThrow().getDemo()).isTrue();
        assertThat(users.byUsername(created).orElseThrow().getDemo()).isFalse();
    }

    @Test
    void theDemoPasswordPassesThePolicyItIsPublishedUnder() {
        assertThat(PasswordPolicy.check("admin.provinsi", DemoAccounts.DEMO_PASSWORD)).isEmpty();
        assertThat(DemoAccounts.ACCOUNTS).hasSize(9)
                .allSatisfy(d -> assertThat(d.role().getLiteral().startsWith("PROVINCE")).isEqualTo(d.kabkota() == null));
    }
}
