package id.berdaya.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.CurrentUser;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Not found or not allowed": Vaadin answers a view the user may not open like one that does
 * not exist, so nobody learns which addresses exist. A logged-in user's refused attempt on an
 * existing route is audited.
 */
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    private final AuditService audit;

    public NotFoundView(AuditService audit) {
        this.audit = audit;
        addClassName("berdaya-not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = event.getLocation().getPath();
        if (CurrentUser.get().isPresent() && RouteConfiguration.forApplicationScope().getRoute(path).isPresent()) {
            audit.recordAccessDenied("/" + path);
        }
        removeAll();
        add(new H2(getTranslation("error.accessDenied")), new Paragraph("/" + path),
                new RouterLink(getTranslation("error.backHome"), BerandaView.class));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
