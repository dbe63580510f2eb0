package id.berdaya.core.user;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The login throttle's settings ({@code berdaya.login.*}): failures allowed per account (known
 * or not), per client address and overall, each in its own window. Without
 * {@code berdaya.login.name-hash-key}, unknown user names are hashed with a key drawn at each
 * start, so their hashes compare within one run only.
 */
@Component
class LoginLimits {

    /** How many tries a window allows, and how long a refusal lasts once they are used up. */
    record Limit(int max, Duration window, Duration lock) {
        Limit {
            if (max < 1 || window.isNegative() || window.isZero() || lock.isNegative()) {
                throw new IllegalArgumentException("a login limit needs max >= 1, a positive window and a lock >= 0");
            }
        }
    }

    private final Limit account;
    private final Limit address;
    private final Limit global;
    private final byte[] nameHashKey;

    @Autowired
    LoginLimits(@Value("${berdaya.login.account-failures:10}") int accountFailures,
                @Value("${berdaya.login.account-window:PT15M}") Duration accountWindow,
                @Value("${berdaya.login.account-lock:PT15M}") Duration accountLock,
                @Value("${berdaya.login.address-failures:20}") int addressFailures,
                @Value("${berdaya.login.address-window:PT15M}") Duration addressWindow,
                @Value("${berdaya.login.global-failures:200}") int globalFailures,
                @Value("${berdaya.login.global-window:PT1M}") Duration globalWindow,
                @Value("${berdaya.login.name-hash-key:}") String nameHashKey) {
        this(new Limit(accountFailures, accountWindow, accountLock), new Limit(addressFailures, addressWindow, Duration.ZERO),
                new Limit(globalFailures, globalWindow, Duration.ZERO), nameHashKey);
    }

    LoginLimits(Limit account, Limit address, Limit global, String nameHashKey) {
        this.account = account;
        this.address = address;
        this.global = global;
        this.nameHashKey = nameHashKey == null || nameHashKey.isBlank() ? randomKey()
                : nameHashKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The defaults, for tests that build their own throttle. */
    static LoginLimits defaults() {
        return new LoginLimits(new Limit(10, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                new Limit(20, Duration.ofMinutes(15), Duration.ZERO), new Limit(200, Duration.ofMinutes(1), Duration.ZERO), null);
    }

    Limit account() {
        return account;
    }

    Limit address() {
        return address;
    }

    Limit global() {
        return global;
    }

    byte[] nameHashKey() {
        return nameHashKey.clone();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
