package id.berdaya.core.user;

import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failed logins are throttled per account: 10 in 15 minutes lock it for 15 minutes, never for good. */
@SpringBootTest(classes = CoreTestApplication.class)
class LoginThrottleTest {

    @Autowired UserRepository users;
    @Autowired AuditLog audit;
    @Autowired AuditService auditService;
    @Autowired PasswordEncoder realEncoder;
    @Autowired TestAccounts accounts;
    @Autowired PlatformTransactionManager transactions;

    final MovableClock clock = new MovableClock();
    final AtomicInteger hashings = new AtomicInteger();
    ThrottledAuthenticationProvider provider;
    BerdayaUser user;

    @BeforeEach
    void providerWithAMovableClockAndACountingEncoder() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return realEncoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashings.incrementAndGet();
                return realEncoder.matches(raw, encoded);
            }
        };
        LoginLimits limits = LoginLimits.defaults();
        LoginThrottle throttle = new LoginThrottle(new LoginAttempts(users, limits, clock, transactions), limits, clock);
        provider = new ThrottledAuthenticationProvider(users, throttle, audit, counting, clock);
        user = accounts.fresh("uji.throttle", Role.DISTRICT_OPERATOR, "33.03");
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private Authentication attempt(String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), password));
    }

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            assertThatThrownBy(() -> attempt("salah-sandi-" + n)).isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void nineFailuresStillAllowTheRightPassword() {
        failTimes(9);
        assertThat(attempt(TestAccounts.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void tenFailuresLockTheAccountWithoutSpendingAHashOnLaterAttempts() {
        failTimes(10);
        int before = hashings.get();
        assertThatThrownBy(() -> attempt(TestAccounts.PASSWORD)).isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> attempt("salah-lagi-12345")).isInstanceOf(LockedException.class);
        assertThat(hashings.get()).as("no password hashing on a locked account").isEqualTo(before);

        TestAccounts.loginAs(accounts.ensure("uji.admin.throttle", Role.PROVINCE_ADMIN, null));
        List<AuditEntry> trail = auditService.page(new AuditFilter(user.getUsername(), null, null, null, null), 0, 50);
        assertThat(trail).extracting(AuditEntry::action).contains(CoreAction.ACCOUNT_LOCKED.code(), CoreAction.LOGIN_LOCKED.code());
        assertThat(trail.stream().filter(e -> e.action().equals(CoreAction.LOGIN_FAILED.code()))).hasSize(10);
    }

    @Test
    void theLockEndsByItselfAfterFifteenMinutes() {
        failTimes(10);
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> attempt(TestAccounts.PASSWORD)).isInstanceOf(LockedException.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(attempt(TestAccounts.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        failTimes(9);
        clock.advance(Duration.ofMinutes(16));
        failTimes(9);
        assertThat(attempt(TestAccounts.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        failTimes(9);
        attempt(TestAccounts.PASSWORD);
        failTimes(9);
        assertThat(attempt(TestAccounts.PASSWORD).isAuthenticated()).isTrue();
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
