package id.berdaya.core.audit;

import id.berdaya.core.security.BerdayaUser;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;

/**
 * Audits logouts (logins are audited where they are decided, in the authentication provider)
 * and method-security refusals ({@code @PreAuthorize} on a service), like refused screens.
 */
@Component
class SecurityAuditListener {

    private final AuditLog audit;

    SecurityAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof BerdayaUser u) {
            audit.recordFor(u.getUsername(), u.role(), u.kabkotaCode(),
                    AuditEvent.of(CoreAction.LOGOUT).entity(CoreEntity.USER, u.getUsername()));
        }
    }

    /** A logged-in user refused a service method (requests refused by URL rules are not method calls). */
    @EventListener
    void onDenied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (event.getSource() instanceof MethodInvocation call && who != null && who.getPrincipal() instanceof BerdayaUser) {
            Method m = call.getMethod();
            audit.recordDenial(AuditEvent.of(CoreAction.ACCESS_DENIED)
                    .entity(CoreEntity.METHOD, m.getDeclaringClass().getSimpleName() + "." + m.getName()));
        }
    }
}
