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
 * Password login against {@code app_user}, throttled per account (unknown names included), per
 * client address and overall ({@link LoginThrottle}): a refused try costs no password hashing.
 * Every success, failure and refusal is written to the audit trail with the client's address;
 * an unknown name only as its hash.
 */
@Component
public class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;
    private final AuditLog audit;

    ThrottledAuthenticationProvider(UserRepository users, LoginThrottle throttle, AuditLog audit,
                                    PasswordEncoder passwordEncoder, Clock clock) {
        super(username -> users.byUsername(username)
                .map(r -> UserRepository.toPrincipal(r, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user")));
        setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(authentication.getName(), LoginThrottle.currentClientAddress());
        } catch (LoginThrottle.Refused refused) {
            audit.recordFor(refused.auditName(), null, null, login(CoreAction.LOGIN_LOCKED, refused.auditName())
                    .after(Map.of("limit", refused.limit(), "lockedUntil", refused.until().toString())));
            throw new LockedException("too many failed logins");
        }
        try {
            Authentication result = super.authenticate(authentication);
            BerdayaUser user = (BerdayaUser) result.getPrincipal();
            attempt.succeeded(true);
            audit.recordFor(attempt.auditName(), user.role(), user.kabkotaCode(), login(CoreAction.LOGIN_SUCCEEDED, attempt.auditName()));
            return result;
        } catch (AuthenticationException e) {
            Optional<Instant> locked = attempt.failed();
            audit.recordFor(attempt.auditName(), null, null, login(CoreAction.LOGIN_FAILED, attempt.auditName())
                    .after(Map.of("reason", reason(e))));
            locked.ifPresent(until -> audit.recordFor(attempt.auditName(), null, null,
                    login(CoreAction.ACCOUNT_LOCKED, attempt.auditName()).after(Map.of("lockedUntil", until.toString()))));
            throw e;
        }
    }

    private static String reason(AuthenticationException e) {
        return switch (e) {
            case DisabledException d -> "disabled";
            case LockedException l -> "locked";
            case BadCredentialsException b -> "bad credentials";
            default -> "error";
        };
    }

    /** A sign-in event about the account named as audited (an unknown name only by its hash). */
    private static AuditEvent login(CoreAction action, String auditName) {
        return AuditEvent.of(action).entity(CoreEntity.USER, auditName);
    }
}
