package id.berdaya.core.user;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.BerdayaUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Password login against {@code app_user}, throttled per account and audited: a locked account
 * is refused before any password hashing is spent on it; every success and failure is written
 * to the audit trail with the client's address.
 */
@Component
public class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginAttempts attempts;
    private final AuditLog audit;

    ThrottledAuthenticationProvider(UserRepository users, LoginAttempts attempts, AuditLog audit,
                                    PasswordEncoder passwordEncoder, Clock clock) {
        super(username -> users.byUsername(username)
                .map(r -> UserRepository.toPrincipal(r, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user")));
        setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        Optional<Instant> lockedUntil = attempts.lockedUntil(username);
        if (lockedUntil.isPresent()) {
            audit.recordFor(username, null, null, login(CoreAction.LOGIN_LOCKED, username)
                    .after(Map.of("lockedUntil", lockedUntil.get().toString())));
            throw new LockedException("account temporarily locked");
        }
        try {
            Authentication result = super.authenticate(authentication);
            BerdayaUser user = (BerdayaUser) result.getPrincipal();
            attempts.succeeded(username);
            audit.recordFor(username, user.role(), user.kabkotaCode(), login(CoreAction.LOGIN_SUCCEEDED, username));
            return result;
        } catch (BadCredentialsException e) {
            Optional<Instant> locked = attempts.failed(username);
            audit.recordFor(username, null, null, login(CoreAction.LOGIN_FAILED, username)
                    .after(Map.of("reason", "bad credentials")));
            locked.ifPresent(until -> audit.recordFor(username, null, null, login(CoreAction.ACCOUNT_LOCKED, username)
                    .after(Map.of("lockedUntil", until.toString()))));
            throw e;
        } catch (DisabledException | LockedException e) {
            audit.recordFor(username, null, null, login(CoreAction.LOGIN_FAILED, username)
                    .after(Map.of("reason", e instanceof DisabledException ? "disabled" : "locked")));
            throw e;
        }
    }

    /** A sign-in event about the account named as typed. */
    private static AuditEvent login(CoreAction action, String username) {
        return AuditEvent.of(action).entity(CoreEntity.USER, username);
    }
}
