package id.berdaya.core.user;

import id.berdaya.db.tables.records.AppUserRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed-login throttling per existing account, kept in {@code app_user} (so that administrators
 * see a lock and a password reset lifts it). A try is counted before its password is checked, in
 * one locked step ({@code SELECT ... FOR UPDATE}), so parallel tries cannot pass the limit; a
 * right password takes the count back. When a window's tries have all failed, the account is
 * locked for a while, never permanently. Each step commits on its own, whatever happens to the
 * login that caused it; none of them changes the row's {@code version}.
 */
@Component
class LoginAttempts {

    enum Outcome { COUNTED, UNKNOWN_USER, REFUSED }

    /** The answer to a try: counted, refused until a time, or no such user. */
    record Reservation(Outcome outcome, Instant refusedUntil) {
    }

    private final UserRepository users;
    private final LoginLimits.Limit limit;
    private final Clock clock;
    private final TransactionTemplate tx;

    LoginAttempts(UserRepository users, LoginLimits limits, Clock clock, PlatformTransactionManager transactions) {
        this.users = users;
        this.limit = limits.account();
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counts a try against the account before its password is checked, unless the account is locked or used up. */
    Reservation reserve(String username) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            Optional<AppUserRecord> found = users.byUsernameForUpdate(username);
            if (found.isEmpty()) {
                return new Reservation(Outcome.UNKNOWN_USER, null);
            }
            AppUserRecord r = found.get();
            Instant lockedUntil = UserRepository.toInstant(r.getLockedUntil());
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return new Reservation(Outcome.REFUSED, lockedUntil);
            }
            Instant windowStart = UserRepository.toInstant(r.getFailedWindowStart());
            int failures = r.getFailedLogins();
            if (windowStart == null || !windowStart.plus(limit.window()).isAfter(now)) {
                windowStart = now;
                failures = 0;
            }
            if (failures >= limit.max()) {
                return new Reservation(Outcome.REFUSED, windowStart.plus(limit.window()));
            }
            users.setLoginState(r.getId(), failures + 1, windowStart, null);
            return new Reservation(Outcome.COUNTED, null);
        });
    }

    /** The counted try failed; returns the lock's end if it used up the account's tries. */
    Optional<Instant> failed(String username) {
        return tx.execute(status -> {
            Optional<AppUserRecord> found = users.byUsernameForUpdate(username);
            if (found.isEmpty() || found.get().getFailedLogins() < limit.max()) {
                return Optional.<Instant>empty();
            }
            Instant until = clock.instant().plus(limit.lock());
            users.setLoginState(found.get().getId(), 0, null, until);
            return Optional.of(until);
        });
    }

    /** The counted try was refused elsewhere (another limit): it does not count. */
    void release(String username) {
        tx.executeWithoutResult(status -> users.byUsernameForUpdate(username).ifPresent(r ->
                users.setLoginState(r.getId(), Math.max(0, r.getFailedLogins() - 1),
                        UserRepository.toInstant(r.getFailedWindowStart()), UserRepository.toInstant(r.getLockedUntil()))));
    }

    /** The right password: clears the failures (and, for a login, notes its time). */
    void succeeded(String username, boolean login) {
        tx.executeWithoutResult(status -> users.byUsernameForUpdate(username).ifPresent(r -> {
            users.setLoginState(r.getId(), 0, null, null);
            if (login) {
                users.setLastLogin(r.getId(), clock.instant());
            }
        }));
    }
}
