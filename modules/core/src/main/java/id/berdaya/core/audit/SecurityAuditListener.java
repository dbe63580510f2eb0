package id.berdaya.core.audit;

import id.berdaya.core.security.BerdayaUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Audits logouts (logins are audited where they are decided, in the authentication provider). */
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
}
