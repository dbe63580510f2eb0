package id.berdaya.core.user;

import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.audit.AuditAction;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static id.berdaya.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The login limits beyond one account: parallel tries, a client address, the overall limit and
 * unknown names (counted, and kept only hashed). A refused try never reaches the password encoder.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class LoginLimitsTest {

    @Autowired UserRepository users;
    @Autowired AuditLog audit;
    @Autowired PasswordEncoder realEncoder;
    @Autowired TestAccounts accounts;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DSLContext dsl;

    final AtomicInteger hashings = new AtomicInteger();
    LoginThrottle throttle;

    private ThrottledAuthenticationProvider provider(int perAccount, int perAddress, int global) {
        LoginLimits limits = new LoginLimits(new LoginLimits.Limit(perAccount, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                new LoginLimits.Limit(perAddress, Duration.ofMinutes(15), Duration.ZERO),
                new LoginLimits.Limit(global, Duration.ofMinutes(1), Duration.ZERO), "kunci-uji");
        Clock clock = Clock.systemUTC();
        throttle = new LoginThrottle(new LoginAttempts(users, limits, clock, transactions), limits, clock);
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
        return new ThrottledAuthenticationProvider(users, throttle, audit, counting, clock);
    }

    private static void from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static Authentication login(ThrottledAuthenticationProvider p, String username, String password) {
        return p.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void parallelWrongPasswordsReachThePasswordCheckNoMoreOftenThanTheLimitAllows() throws Exception {
        ThrottledAuthenticationProvider p = provider(5, 1000, 1000);
        String username = accounts.fresh("uji.paralel", Role.DISTRICT_OPERATOR, "33.03").getUsername();
        int threads = 24;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tries = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tries.add(pool.submit(() -> {
                    start.await();
                    try {
                        login(p, username, "salah-paralel-123");
                    } catch (LockedException e) {
                        refused.incrementAndGet(); // refused before the check, or locked meanwhile
                    } catch (BadCredentialsException e) {
                        wrong.incrementAndGet(); // reached the password check, and failed it
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : tries) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // A counted try may still end as "locked" after its hashing, when another one locked the
        // account meanwhile (Spring hashes even then, against timing probes): so only the sum is fixed.
        assertThat(hashings.get()).as("tries that reached the password check").isEqualTo(5);
        assertThat(wrong.get() + refused.get()).as("every try answered").isEqualTo(threads);
        assertThat(refused.get()).as("refused tries").isGreaterThanOrEqualTo(threads - 5);
    }

    @Test
    void anAddressThatUsedUpItsFailuresIsRefusedForEveryAccountWithoutHashing() {
        ThrottledAuthenticationProvider p = provider(100, 3, 1000);
        from("198.51.100.7");
        for (int i = 0; i < 3; i++) {
            String other = accounts.fresh("uji.alamat", Role.FIELD_OFFICER, "33.03").getUsername();
            assertThatThrownBy(() -> login(p, other, "salah-alamat-123")).isInstanceOf(BadCredentialsException.class);
        }
        String victim = accounts.fresh("uji.alamat.korban", Role.FIELD_OFFICER, "33.03").getUsername();
        int before = hashings.get();
        assertThatThrownBy(() -> login(p, victim, TestAccounts.PASSWORD)).isInstanceOf(LockedException.class);
        assertThat(hashings.get()).as("no hashing on a refused try").isEqualTo(before);

        from("198.51.100.8");
        assertThat(login(p, victim, TestAccounts.PASSWORD).isAuthenticated()).as("another address still logs in").isTrue();
    }

    @Test
    void theOverallLimitRefusesEveryoneWithoutHashingAndARightPasswordDoesNotCount() {
        ThrottledAuthenticationProvider p = provider(100, 100, 4);
        String right = accounts.fresh("uji.global", Role.FIELD_OFFICER, "33.26").getUsername();
        for (int i = 0; i < 6; i++) {
            assertThat(login(p, right, TestAccounts.PASSWORD).isAuthenticated()).isTrue();
        }
        for (int i = 0; i < 4; i++) {
            from("203.0.113." + i);
            String other = accounts.fresh("uji.global.lain", Role.FIELD_OFFICER, "33.26").getUsername();
            assertThatThrownBy(() -> login(p, other, "salah-global-123")).isInstanceOf(BadCredentialsException.class);
        }
        from("203.0.113.99");
        int before = hashings.get();
        assertThatThrownBy(() -> login(p, right, TestAccounts.PASSWORD)).isInstanceOf(LockedException.class);
        assertThat(hashings.get()).as("no hashing on a refused try").isEqualTo(before);
    }

    @Test
    void failuresAgainstAnUnknownNameAreCountedAndKeptOnlyAsAHash() {
        ThrottledAuthenticationProvider p = provider(10, 1000, 1000);
        String typedPassword = "Rahasia#Sandi-" + System.nanoTime(); // typed into the name field
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> login(p, typedPassword, "apa-saja-123")).isInstanceOf(BadCredentialsException.class);
        }
        int before = hashings.get();
        assertThatThrownBy(() -> login(p, typedPassword, "apa-saja-123")).isInstanceOf(LockedException.class);
        assertThat(hashings.get()).as("no hashing on a refused try").isEqualTo(before);

        String hashed = throttle.hashedName(typedPassword);
        assertThat(hashed).startsWith("?").hasSize(33).doesNotContain(typedPassword);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.contains(typedPassword)
                .or(AUDIT_EVENT.ENTITY_ID.contains(typedPassword))
                .or(AUDIT_EVENT.NEW_VALUE.contains(typedPassword)))).as("audit rows holding the typed text").isZero();
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(hashed).and(AUDIT_EVENT.ACTION.eq(CoreAction.LOGIN_FAILED.code()))))
                .isEqualTo(10);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(hashed).and(AUDIT_EVENT.ACTION.eq(CoreAction.LOGIN_LOCKED.code()))))
                .isEqualTo(1);
    }
}
