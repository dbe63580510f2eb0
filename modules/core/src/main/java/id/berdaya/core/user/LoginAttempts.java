package id.berdaya.core.user;

import id.berdaya.db.tables.records.AppUserRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed-login throttling per account: at most {@value #MAX_FAILURES} failures in a
 * {@link #WINDOW} window, then the account is locked for {@link #LOCK} — never permanently.
 * Each change commits on its own, whatever happens to the login that caused it.
 */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final UserRepository users;
    private final Clock clock;

    LoginAttempts(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Until when the account is locked, if it is locked now. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return users.byUsername(username)
                .map(r -> UserRepository.toInstant(r.getLockedUntil()))
                .filter(until -> until.isAfter(now));
    }

    /** Counts a failure; returns the lock end if this failure locked the account. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Instant> failed(String username) {
        Instant now = clock.instant();
        Optional<AppUserRecord> found = users.byUsernameForUpdate(username);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AppUserRecord r = found.get();
        Instant windowStart = UserRepository.toInstant(r.getFailedWindowStart());
        if (windowStart == null || windowStart.plus(WINDOW).isBefore(now)) {
            r.setFailedWindowStart(UserRepository.utc(now));
            r.setFailedLogins(1);
        } else {
            r.setFailedLogins(r.getFailedLogins() + 1);
        }
        Optional<Instant> locked = Optional.empty();
        if (r.getFailedLogins() >= MAX_FAILURES) {
            Instant until = now.plus(LOCK);
            r.setLockedUntil(UserRepository.utc(until));
            r.setFailedLogins(0);
            r.setFailedWindowStart(null);
            locked = Optional.of(until);
        }
        r.update();
        return locked;
    }

    /** A successful login clears the failures. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        users.byUsernameForUpdate(username).ifPresent(r -> {
            r.setFailedLogins(0);
            r.setFailedWindowStart(null);
            r.setLockedUntil(null);
            r.setLastLoginAt(UserRepository.utc(clock.instant()));
            r.update();
        });
    }
}
