package id.berdaya.ui.grants;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's grant proposals on their detail page (year, state, total, each a link), and for
 * whoever drafts proposals a link to a new one when the person has none this year.
 */
public class PersonProposals extends Composite<VerticalLayout> {

    public PersonProposals(ProposalService proposals, long beneficiaryId) {
        getContent().setPadding(false);
        getContent().setId("person-proposals");
        getContent().add(new H3(getTranslation("grants.person.title")));
        List<Proposal> mine = proposals.ofPerson(beneficiaryId);
        UnorderedList list = new UnorderedList();
        for (Proposal p : mine) {
            list.add(new ListItem(new RouterLink(p.budgetYear() + " · " + getTranslation("grants.state." + p.state().name()) + " · "
                    + IndonesianFormat.money(p.total()), ProposalView.class, ProposalView.parameters(p.id()))));
        }
        getContent().add(list);
        int year = LocalDate.now(IndonesianFormat.WIB).getYear();
        if (proposals.mayDraft() && mine.stream().noneMatch(p -> p.budgetYear() == year)) {
            RouterLink create = new RouterLink(getTranslation("grants.proposal.newTitle"), NewProposalView.class);
            create.setQueryParameters(QueryParameters.of("penerima", String.valueOf(beneficiaryId)));
            create.setId("person-new-proposal");
            getContent().add(create);
        }
    }
}
