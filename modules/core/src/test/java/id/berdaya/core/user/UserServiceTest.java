package id.berdaya.core.user;

import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditAction;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = CoreTestApplication.class)
class UserServiceTest {

    @Autowired UserService users;
    @Autowired TestAccounts accounts;
    @Autowired SessionRegistry sessions;
    @Autowired ThrottledAuthenticationProvider authentication;
    @Autowired AuditService audit;

    BerdayaUser admin;

    @BeforeEach
    void loginAsAdmin() {
        admin = TestAccounts.loginAs(accounts.ensure("uji.admin.users", Role.PROVINCE_ADMIN, null));
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private static String unique(String prefix) {
        return prefix + "." + System.nanoTime() % 10_000_000;
    }

    private static java.util.List<String> keysOf(RuleViolation v) {
        return v.problems().stream().map(RuleViolation.Problem::key).toList();
    }

    @Test
    void createdUserMustChangeTheTemporaryPasswordAtFirstLogin() {
        IssuedPassword issued = users.create(new NewUser(unique("Sari.Operator"), "Sari", Role.DISTRICT_OPERATOR, "33.03", "en"));
        assertThat(issued.user().username()).isEqualTo(issued.user().username().toLowerCase());
        assertThat(issued.user().mustChangePassword()).isTrue();
        assertThat(issued.user().locale()).isEqualTo("en");
        assertThat(issued.temporaryPassword()).hasSizeGreaterThanOrEqualTo(16);
        var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                issued.user().username(), issued.temporaryPassword()));
        assertThat(((BerdayaUser) auth.getPrincipal()).kabkotaCode()).isEqualTo("33.03");
    }

    @Test
    void districtRolesNeedAnExistingDistrictAndProvinceRolesHaveNone() {
        assertThatThrownBy(() -> users.create(new NewUser(unique("tanpa.kab"), "X", Role.DISTRICT_HEAD, null, "id")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("user.kabkota.required"));
        assertThatThrownBy(() -> users.create(new NewUser(unique("kab.palsu"), "X", Role.FIELD_OFFICER, "33.99", "id")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("user.kabkota.required"));
        UserAccount officer = users.create(new NewUser(unique("verif"), "Verifikator", Role.PROVINCE_OFFICER, "33.03", "id")).user();
        assertThat(officer.kabkotaCode()).as("province roles are bound to no district").isNull();
    }

    @Test
    void badInputIsRefusedWithAllProblemsAndNothingWritten() {
        int before = users.count(UserFilter.none());
        assertThatThrownBy(() -> users.create(new NewUser("x", " ", null, null, "id")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v))
                        .containsExactlyInAnyOrder("user.username.invalid", "user.fullName.required", "user.role.required"));
        assertThat(users.count(UserFilter.none())).isEqualTo(before);
    }

    @Test
    void userNamesAreUnique() {
        String name = unique("kembar");
        users.create(new NewUser(name, "Satu", Role.PROVINCE_OFFICER, null, "id"));
        assertThatThrownBy(() -> users.create(new NewUser(name, "Dua", Role.PROVINCE_OFFICER, null, "id")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("user.username.taken"));
    }

    @Test
    void aStaleEditIsRefusedAsAConcurrentChange() {
        UserAccount u = users.create(new NewUser(unique("balapan"), "Awal", Role.PROVINCE_OFFICER, null, "id")).user();
        users.update(u.id(), new UserChanges("Pertama", Role.PROVINCE_OFFICER, null, u.version()));
        assertThatThrownBy(() -> users.update(u.id(), new UserChanges("Kedua", Role.PROVINCE_OFFICER, null, u.version())))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("error.concurrentChange"));
        assertThat(users.get(u.id()).orElseThrow().fullName()).isEqualTo("Pertama");
    }

    @Test
    void disablingAUserEndsTheirSessionsAndBlocksLogin() {
        IssuedPassword issued = users.create(new NewUser(unique("nonaktif"), "Akan Nonaktif", Role.FIELD_OFFICER, "33.26", "id"));
        var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                issued.user().username(), issued.temporaryPassword()));
        sessions.registerNewSession("sesi-" + issued.user().id(), auth.getPrincipal());

        UserAccount current = users.get(issued.user().id()).orElseThrow();
        users.setEnabled(current.id(), false, current.version());

        assertThat(sessions.getSessionInformation("sesi-" + issued.user().id()).isExpired()).isTrue();
        assertThatThrownBy(() -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                issued.user().username(), issued.temporaryPassword()))).isInstanceOf(DisabledException.class);
    }

    @Test
    void anAdministratorCannotDisableThemself() {
        UserAccount me = users.get(admin.id()).orElseThrow();
        assertThatThrownBy(() -> users.setEnabled(me.id(), false, me.version()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("user.cannotDisableSelf"));
    }

    @Test
    void resetIssuesANewTemporaryPasswordAndTheOldOneStopsWorking() {
        IssuedPassword first = users.create(new NewUser(unique("reset"), "Reset", Role.PROVINCE_OFFICER, null, "id"));
        IssuedPassword second = users.resetPassword(first.user().id(), first.user().version());
        assertThat(second.temporaryPassword()).isNotEqualTo(first.temporaryPassword());
        assertThatThrownBy(() -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                first.user().username(), first.temporaryPassword()))).isInstanceOf(BadCredentialsException.class);
        assertThat(authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                first.user().username(), second.temporaryPassword())).isAuthenticated()).isTrue();
    }

    @Test
    void changingTheOwnPasswordChecksTheCurrentOneAndThePolicy() {
        IssuedPassword issued = users.create(new NewUser(unique("ganti"), "Ganti Sandi", Role.DISTRICT_HEAD, "33.03", "id"));
        TestAccounts.loginAs((BerdayaUser) authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                issued.user().username(), issued.temporaryPassword())).getPrincipal());

        assertThatThrownBy(() -> users.changeMyPassword("bukan-ini-1234", "Sandi-Baru#2026x"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("password.currentWrong"));
        assertThatThrownBy(() -> users.changeMyPassword(issued.temporaryPassword(), "pendek1"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("password.tooShort"));

        users.changeMyPassword(issued.temporaryPassword(), "Sandi-Baru#2026x");
        assertThat(users.myAccount().mustChangePassword()).isFalse();
        users.setMyLocale("en");
        assertThat(users.myAccount().locale()).isEqualTo("en");
    }

    @Test
    void aWrongCurrentPasswordIsAuditedAndThrottledLikeALogin() {
        IssuedPassword issued = users.create(new NewUser(unique("tebak"), "Tebak Sandi", Role.DISTRICT_OPERATOR, "33.03", "id"));
        BerdayaUser me = TestAccounts.loginAs((BerdayaUser) authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(issued.user().username(), issued.temporaryPassword())).getPrincipal());
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> users.changeMyPassword("tebakan-salah-1", "Sandi-Baru#2026x"))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("password.currentWrong"));
        }
        assertThatThrownBy(() -> users.changeMyPassword(issued.temporaryPassword(), "Sandi-Baru#2026x"))
                .as("the right password, after the account's tries are used up")
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keysOf(v)).containsExactly("password.tooManyTries"));

        TestAccounts.loginAs(admin);
        var trail = audit.page(new AuditFilter(me.getUsername(), null, null, null, null), 0, 50);
        assertThat(trail.stream().filter(e -> e.action().equals(CoreAction.PASSWORD_CHANGE_FAILED.code()))).hasSize(11);
        assertThat(trail).extracting(AuditEntry::action).contains(CoreAction.ACCOUNT_LOCKED.code()).doesNotContain(CoreAction.PASSWORD_CHANGED.code());
    }

    @Test
    void changingTheOwnPasswordEndsTheOtherSessionsButNotThisOne() {
        IssuedPassword issued = users.create(new NewUser(unique("sesi"), "Dua Sesi", Role.FIELD_OFFICER, "33.26", "id"));
        BerdayaUser me = TestAccounts.loginAs((BerdayaUser) authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(issued.user().username(), issued.temporaryPassword())).getPrincipal());
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpSession here = new MockHttpSession();
        request.setSession(here);
        sessions.registerNewSession(here.getId(), me);
        sessions.registerNewSession("sesi-lain-" + me.id(), me);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            users.changeMyPassword(issued.temporaryPassword(), "Sandi-Baru#2026x");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(sessions.getSessionInformation("sesi-lain-" + me.id()).isExpired()).as("the other session").isTrue();
        assertThat(sessions.getSessionInformation(here.getId()).isExpired()).as("this session").isFalse();
    }

    @Test
    void onlyProvinceAdministratorsAdministerUsers() {
        TestAccounts.loginAs(accounts.ensure("uji.kadinsos.users", Role.DISTRICT_HEAD, "33.03"));
        assertThatThrownBy(() -> users.create(new NewUser(unique("ilegal"), "X", Role.DISTRICT_OPERATOR, "33.03", "id")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.page(UserFilter.none(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(users.myAccount().role()).isEqualTo(Role.DISTRICT_HEAD);
    }

    @Test
    void theListFiltersByTextRoleAndDistrictWithTheSameConditionForItsCount() {
        String tag = unique("saring");
        users.create(new NewUser(tag + ".a", "Saring A", Role.DISTRICT_OPERATOR, "33.03", "id"));
        users.create(new NewUser(tag + ".b", "Saring B", Role.DISTRICT_OPERATOR, "33.26", "id"));
        UserFilter filter = new UserFilter(tag, Role.DISTRICT_OPERATOR, "33.26", true);
        assertThat(users.page(filter, 0, 10)).extracting(UserAccount::username).containsExactly(tag + ".b");
        assertThat(users.count(filter)).isEqualTo(1);
        assertThat(users.count(new UserFilter(tag, null, null, null))).isEqualTo(2);
    }
}
