package id.berdaya.ui.archfixture;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import jakarta.annotation.security.PermitAll;

/** Deliberately broken (architecture test fixture): a view that decides a button by the user's role instead of asking its service. */
@Route("archfixture-role")
@PermitAll
public class ViewWithRoleCheck extends Div {
    public ViewWithRoleCheck() {
        Button export = new Button("Ekspor");
        export.setVisible(CurrentUser.require().role() != Role.FIELD_OFFICER);
        add(export);
    }
}
