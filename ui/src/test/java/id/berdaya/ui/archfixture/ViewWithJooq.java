package id.berdaya.ui.archfixture;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import static id.berdaya.db.Tables.AUDIT_EVENT;

/** Deliberately broken (architecture test fixture): SQL in a view, reading a district-owned table unscoped. */
@Route("archfixture-jooq")
@PermitAll
public class ViewWithJooq extends Div {
    public ViewWithJooq(org.jooq.DSLContext dsl) {
        setText(String.valueOf(dsl.fetchCount(AUDIT_EVENT)));
    }
}
