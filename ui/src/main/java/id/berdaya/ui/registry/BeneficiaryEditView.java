package id.berdaya.ui.registry;

import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.registration.NewBeneficiary;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import id.berdaya.core.region.RegionService;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

/** Correcting a record (e.g. one returned for revision): the registration form, filled, saved as an update. */
@Route("penerima-manfaat/:id([0-9]{1,18})/ubah")
@RolesAllowed("DISTRICT_OPERATOR")
public class BeneficiaryEditView extends BeneficiaryFormView implements BeforeEnterObserver {

    private long id;
    private int version;

    public BeneficiaryEditView(BeneficiaryService registry, RegionService regions, CategoryService categories) {
        super(registry, regions, categories);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        BeneficiaryDetail d = registry.get(id).orElse(null);
        NewBeneficiary values = d == null ? null : registry.forEditing(id).orElse(null);
        if (values == null) {
            removeAll();
            add(new H2(getTranslation("error.notFound")));
            return;
        }
        version = d.version();
        getChildren().filter(H2.class::isInstance).findFirst().ifPresent(h -> ((H2) h).setText(getTranslation("registry.edit")));
        fill(values);
    }

    @Override
    Long editing() {
        return id;
    }

    @Override
    long submit(NewBeneficiary n) {
        registry.update(id, n, version);
        Feedback.success(this, "registry.updated");
        return id;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.edit") + " · Berdaya";
    }
}
