package id.berdaya.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.ui.grants.ApprovalInboxView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /persetujuan per role: the district head's and the province's steps, the side panel, one-by-one and bulk decisions. */
class ApprovalInboxViewTest extends ViewTestSupport {

    static final String PBG = "33.03";
    static final String PKL = "33.26";

    @Autowired ProposalService proposals;
    @Autowired GrantsFixture fixture;

    @SuppressWarnings("unchecked")
    private Grid<Proposal> grid() {
        return find(Grid.class).single();
    }

    private List<Long> rows() {
        return grid().getGenericDataView().getItems().map(Proposal::id).toList();
    }

    private String panelText() {
        return $(VerticalLayout.class).id("inbox-panel").getElement().getTextRecursively();
    }

    private Proposal submit(BerdayaUser operator, long person, int year, List<ItemLine> items) {
        TestAccounts.loginAs(operator);
        Proposal d = proposals.create(GrantsFixture.proposal(person, year, items));
        return proposals.submit(d.id(), d.version());
    }

    @Test
    void theHeadDecidesTheDistrictStepOldestFirstAndTheProvinceSeesWhatTheDistrictApproved() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 6_500_000); // room for Rp 4.000.000 + Rp 2.500.000
        List<Long> people = fixture.trainedPeople(PBG, 4);
        long pklPerson = fixture.trainedPeople(PKL, 1).getFirst();
        BerdayaUser operator = accounts.ensure("uji.inbox.op.pbg", Role.DISTRICT_OPERATOR, PBG);
        List<ItemLine> goat = List.of(new ItemLine(c.goat().id(), 1));
        Proposal a = submit(operator, people.get(0), c.year(), List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.pen().id(), 1)));
        Proposal b = submit(operator, people.get(1), c.year(), goat);
        Proposal cc = submit(operator, people.get(2), c.year(), goat);
        Proposal e = submit(operator, people.get(3), c.year(), goat);
        Proposal pkl = submit(accounts.ensure("uji.inbox.op.pkl", Role.DISTRICT_OPERATOR, PKL), pklPerson, c.year(), goat);

        // the operator has no inbox
        loginAs("uji.inbox.op.pbg", Role.DISTRICT_OPERATOR, PBG);
        navigate(BerandaView.class);
        assertThat(menu()).doesNotContain("Persetujuan");
        navigate("persetujuan", Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);

        loginAs("uji.inbox.head.pbg", Role.DISTRICT_HEAD, PBG);
        navigate(ApprovalInboxView.class);
        assertThat(rows()).containsSubsequence(a.id(), b.id(), cc.id(), e.id()).doesNotContain(pkl.id());
        int waiting = Integer.parseInt($(Span.class).id("nav-waiting-count").getText());
        assertThat(waiting).isEqualTo(rows().size());

        // the side panel: masked NIK, training, items and the pagu left; approve moves on to the next one
        test(grid()).clickRow(rows().indexOf(a.id()));
        assertThat(panelText()).contains("NIK: 3303 •••• •••• ••••", "Nilai: Rp 4.000.000", "Sisa pagu: Rp 6.500.000",
                "lulus pelatihan", "Diajukan · Uji uji.inbox.op.pbg");
        test($(Button.class).id("inbox-approve")).click();
        assertThat(rows()).doesNotContain(a.id());
        assertThat(panelText()).contains(b.beneficiaryName(), "Sisa pagu: Rp 2.500.000");
        assertThat($(Span.class).id("nav-waiting-count").getText()).as("the menu's count follows the decision")
                .isEqualTo(String.valueOf(waiting - 1));

        // return needs a reason
        test($(Button.class).id("inbox-return")).click();
        assertThat($(TextArea.class).id("inbox-reason").isInvalid()).isTrue();
        assertThat(rows()).contains(b.id());
        test($(TextArea.class).id("inbox-reason")).setValue("Rencana usaha kurang rinci");
        test($(Button.class).id("inbox-return")).click();
        assertThat(rows()).doesNotContain(b.id());

        // bulk: the first fits the pagu, the second does not, and the summary says so
        grid().select(grid().getGenericDataView().getItems().filter(p -> p.id() == cc.id()).findFirst().orElseThrow());
        grid().select(grid().getGenericDataView().getItems().filter(p -> p.id() == e.id()).findFirst().orElseThrow());
        test($(Button.class).id("inbox-approve-ticked")).click();
        String summary = $(Div.class).id("inbox-summary").getElement().getTextRecursively();
        assertThat(summary).contains("1 dari 2 usulan disetujui", "Usulan ke-2 (" + e.beneficiaryName() + ")", "Pagu terlampaui",
                "sisa pagu kabupaten/kota Rp 0");
        assertThat(rows()).contains(e.id()).doesNotContain(cc.id());

        // another district's head sees none of it
        loginAs("uji.inbox.head.pkl", Role.DISTRICT_HEAD, PKL);
        navigate(ApprovalInboxView.class);
        assertThat(rows()).contains(pkl.id()).doesNotContain(a.id(), b.id(), cc.id(), e.id());

        // the province sees what the district approved, and decides it
        loginAs("uji.inbox.verif", Role.PROVINCE_OFFICER, null);
        navigate(ApprovalInboxView.class);
        assertThat(rows()).contains(a.id(), cc.id()).doesNotContain(b.id(), e.id(), pkl.id());
        test(grid()).clickRow(rows().indexOf(a.id()));
        test($(Button.class).id("inbox-approve")).click();
        assertThat(proposals.get(a.id()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat(rows()).doesNotContain(a.id());
    }
}
