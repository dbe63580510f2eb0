package id.berdaya.core.user;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every password check (login, and the current password of a password change) first asks here.
 * A try is counted against its account (an existing one in {@code app_user}, an unknown name by
 * its hash in memory), its client address and the overall limit, all before the password is
 * hashed; a refused try costs no hashing. The right password takes the count back.
 * <p>
 * Unknown names are kept and audited only as an HMAC-SHA256 with a server key, because people
 * type their password into the name field.
 */
@Component
class LoginThrottle {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";
    static final String GLOBAL = "global";

    /** A try refused before any password check: by which limit, until when, and the name to audit. */
    static final class Refused extends RuntimeException {
        private final String auditName;
        private final String limit;
        private final Instant until;

        Refused(String auditName, String limit, Instant until) {
            super("too many failed tries (" + limit + ")", null, false, false);
            this.auditName = auditName;
            this.limit = limit;
            this.until = until;
        }

        String auditName() {
            return auditName;
        }

        String limit() {
            return limit;
        }

        Instant until() {
            return until;
        }
    }

    /** A counted try: the caller reports its outcome once. */
    final class Attempt {
        private final String username;
        private final boolean knownAccount;
        private final String auditName;
        private final List<FailureBuckets.Key> keys;

        private Attempt(String username, boolean knownAccount, String auditName, List<FailureBuckets.Key> keys) {
            this.username = username;
            this.knownAccount = knownAccount;
            this.auditName = auditName;
            this.keys = keys;
        }

        /** The name for the audit trail: as typed for an existing account, else its hash. */
        String auditName() {
            return auditName;
        }

        /** The password was wrong; returns the lock's end if this failure locked the account (or name). */
        Optional<Instant> failed() {
            Optional<Instant> account = knownAccount ? accounts.failed(username) : Optional.empty();
            Optional<Instant> name = buckets.failed(keys);
            return account.or(() -> name);
        }

        /** The password was right: the try no longer counts (a login also notes its time). */
        void succeeded(boolean login) {
            if (knownAccount) {
                accounts.succeeded(username, login);
            }
            buckets.release(keys);
        }
    }

    private final LoginAttempts accounts;
    private final LoginLimits limits;
    private final FailureBuckets buckets;

    LoginThrottle(LoginAttempts accounts, LoginLimits limits, Clock clock) {
        this.accounts = accounts;
        this.limits = limits;
        this.buckets = new FailureBuckets(clock);
    }

    /** Counts a try before its password is checked; throws {@link Refused} if a limit is used up. */
    Attempt begin(String typedUsername, String clientAddress) {
        String username = typedUsername == null ? "" : typedUsername.trim();
        LoginAttempts.Reservation account = accounts.reserve(username);
        boolean known = account.outcome() != LoginAttempts.Outcome.UNKNOWN_USER;
        String auditName = known ? username : hashedName(username);
        if (account.outcome() == LoginAttempts.Outcome.REFUSED) {
            throw new Refused(auditName, ACCOUNT, account.refusedUntil());
        }
        List<FailureBuckets.Key> keys = new ArrayList<>();
        keys.add(new FailureBuckets.Key(GLOBAL, GLOBAL, limits.global()));
        if (clientAddress != null && !clientAddress.isBlank()) {
            keys.add(new FailureBuckets.Key(ADDRESS, ADDRESS + ":" + clientAddress, limits.address()));
        }
        if (!known) {
            keys.add(new FailureBuckets.Key(ACCOUNT, "name:" + auditName, limits.account()));
        }
        Optional<FailureBuckets.Refusal> refused = buckets.reserve(keys);
        if (refused.isPresent()) {
            if (known) {
                accounts.release(username);
            }
            throw new Refused(auditName, refused.get().kind(), refused.get().until());
        }
        return new Attempt(username, known, auditName, keys);
    }

    /**
     * How an unknown user name appears in the audit trail and the counters: {@code ?} and the
     * first 32 hex digits of its HMAC-SHA256 (lower-cased first, as names are compared).
     */
    String hashedName(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(limits.nameHashKey(), "HmacSHA256"));
            byte[] digest = mac.doFinal(username.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "?" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The client address of the HTTP request being served (as the servlet container reports it), if any. */
    static String currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
