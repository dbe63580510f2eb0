package id.berdaya.ui.grants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.eligibility.Eligibility;
import id.berdaya.grants.eligibility.EligibilityService;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;

/** A new proposal for one person ({@code ?penerima=<id>}) in this budget year: saved as a draft, then opened. */
@Route("bantuan/usulan/baru")
@RolesAllowed("DISTRICT_OPERATOR")
public class NewProposalView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ProposalService proposals;
    private final EligibilityService eligibility;
    private final CatalogueService catalogue;
    private final int year = LocalDate.now(IndonesianFormat.WIB).getYear();
    final Span person = new Span();
    final Button save = new Button();
    private ProposalEditor editor;
    private long beneficiaryId;

    public NewProposalView(ProposalService proposals, EligibilityService eligibility, CatalogueService catalogue) {
        this.proposals = proposals;
        this.eligibility = eligibility;
        this.catalogue = catalogue;
        add(new H2(getTranslation("grants.proposal.newTitle")), person);
        person.setId("proposal-person");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            beneficiaryId = Long.parseLong(event.getLocation().getQueryParameters().getSingleParameter("penerima").orElse("-1"));
            Eligibility e = eligibility.of(beneficiaryId, year);
            person.setText(getTranslation("grants.field.beneficiary") + ": " + e.fullName() + " · "
                    + getTranslation("grants.field.budgetYear") + " " + year
                    + (e.eligible() ? "" : " · " + getTranslation(e.verified() ? "grants.inbox.notTrained" : "grants.proposal.notVerifiedShort")));
        } catch (NumberFormatException | RuleViolation notFound) {
            person.setText(getTranslation("error.notFound"));
            return;
        }
        if (editor == null) {
            editor = new ProposalEditor(catalogue.list(year, true));
            save.setText(getTranslation("grants.proposal.saveDraft"));
            save.setId("proposal-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            add(editor, save);
        }
    }

    private void save() {
        try {
            Proposal p = proposals.create(editor.value(beneficiaryId, year));
            Feedback.success(this, "grants.saved");
            getUI().ifPresent(ui -> ui.navigate(ProposalView.class, ProposalView.parameters(p.id())));
        } catch (RuleViolation v) {
            Feedback.show(this, v, editor.fields());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grants.proposal.newTitle") + " · Berdaya";
    }
}
