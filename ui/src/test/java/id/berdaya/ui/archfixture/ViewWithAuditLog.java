package id.berdaya.ui.archfixture;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import id.berdaya.core.audit.AuditLog;
import jakarta.annotation.security.PermitAll;

/** Deliberately broken (architecture test fixture): a view that writes the audit trail itself instead of calling a service. */
@Route("archfixture-audit")
@PermitAll
public class ViewWithAuditLog extends Div {
    public ViewWithAuditLog(AuditLog audit) {
        setText(audit.getClass().getSimpleName());
    }
}
