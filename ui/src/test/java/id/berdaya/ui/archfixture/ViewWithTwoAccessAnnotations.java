package id.berdaya.ui.archfixture;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;

/** Deliberately broken (architecture test fixture): two access annotations. */
@Route("archfixture-two")
@PermitAll
@AnonymousAllowed
public class ViewWithTwoAccessAnnotations extends Div {
}
