package id.berdaya.ui.grants;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import id.berdaya.grants.handover.HandoverService;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /bantuan/serah-terima/{id}}: a handover record by its id opens its proposal's page, where
 * the record, its PDF and its signed scans are shown; another district's is "not found".
 */
@Route("bantuan/serah-terima/:id([0-9]{1,18})")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER"})
public class HandoverView extends VerticalLayout implements BeforeEnterObserver {

    private final HandoverService handovers;

    public HandoverView(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        handovers.get(id).ifPresentOrElse(h -> event.forwardTo(ProposalView.class, ProposalView.parameters(h.proposalId())),
                () -> {
                    removeAll();
                    add(new H2(getTranslation("error.notFound")));
                });
    }
}
