package id.berdaya.ui.grants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.scan.HandoverScanService;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalAction;
import id.berdaya.grants.proposal.ProposalItem;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One proposal with its items, total and history. The operator edits a draft here, submits it or
 * withdraws it (with a reason); the buttons come from the service's allowed actions. Decisions
 * are taken in the approval inbox. A province-approved proposal is handed over here ({@link HandoverPanel}).
 */
@Route("bantuan/usulan/:id([0-9]{1,18})")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER"})
public class ProposalView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ProposalService proposals;
    private final CatalogueService catalogue;
    private final HandoverService handovers;
    private final HandoverScanService scans;
    final Button save = new Button();
    final Button submit = new Button();
    final Button withdraw = new Button();
    final TextArea reason = new TextArea();
    private String title = "";
    private Proposal current;
    private ProposalEditor editor;

    public ProposalView(ProposalService proposals, CatalogueService catalogue, HandoverService handovers, HandoverScanService scans) {
        this.proposals = proposals;
        this.catalogue = catalogue;
        this.handovers = handovers;
        this.scans = scans;
        save.setText(getTranslation("grants.proposal.saveDraft"));
        save.setId("proposal-save");
        save.addClickListener(e -> act(ProposalAction.EDIT));
        submit.setText(getTranslation("grants.proposal.submit"));
        submit.setId("proposal-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> act(ProposalAction.SUBMIT));
        withdraw.setText(getTranslation("grants.proposal.withdraw"));
        withdraw.setId("proposal-withdraw");
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        withdraw.addClickListener(e -> act(ProposalAction.WITHDRAW));
        reason.setLabel(getTranslation("grants.proposal.withdrawReason"));
        reason.setId("proposal-reason");
    }

    public static RouteParameters parameters(long id) {
        return new RouteParameters("id", String.valueOf(id));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().getLong("id").orElse(-1L));
    }

    private void show(long id) {
        removeAll();
        current = proposals.get(id).orElse(null);
        add(new RouterLink(getTranslation("grants.list.back"), ProposalListView.class));
        if (current == null) {
            title = getTranslation("error.notFound");
            add(new H2(title));
            return;
        }
        Proposal p = current;
        title = p.beneficiaryName();
        Span state = new Span(getTranslation("grants.state." + p.state().name()));
        state.setId("proposal-state");
        add(new H2(p.beneficiaryName() + " · " + p.budgetYear()), state);
        if (p.lastReason() != null) {
            add(new Span(getTranslation("grants.field.reasonGiven") + ": " + p.lastReason()));
        }
        Set<ProposalAction> may = proposals.allowedActions(p);
        List<ProposalItem> items = proposals.items(id);
        if (may.contains(ProposalAction.EDIT)) {
            List<CatalogueItem> offered = catalogue.list(p.budgetYear(), true);
            editor = new ProposalEditor(offered);
            editor.fill(p.businessType(), p.businessPlan(), p.location(), items,
                    offered.stream().collect(Collectors.toMap(CatalogueItem::id, Function.identity())));
            add(editor);
        } else {
            editor = null;
            add(new Span(getTranslation("grants.field.businessType") + ": " + getTranslation("grants.businessType." + p.businessType().name())),
                    new Span(getTranslation("grants.field.location") + ": " + p.location()), new Span(p.businessPlan()));
            UnorderedList list = new UnorderedList();
            list.setId("proposal-items");
            for (ProposalItem i : items) {
                list.add(new ListItem(i.quantity() + " " + getTranslation("grants.unit." + i.unit().name()) + " " + i.name() + " × "
                        + IndonesianFormat.money(i.unitPrice()) + " = " + IndonesianFormat.money(i.subtotal())));
            }
            add(list, new Span(getTranslation("grants.field.total") + ": " + IndonesianFormat.money(p.total())));
        }
        HorizontalLayout buttons = new HorizontalLayout();
        if (may.contains(ProposalAction.EDIT)) {
            buttons.add(save);
        }
        if (may.contains(ProposalAction.SUBMIT)) {
            buttons.add(submit);
        }
        if (may.contains(ProposalAction.WITHDRAW)) {
            reason.clear();
            add(reason);
            buttons.add(withdraw);
        }
        add(buttons, new HandoverPanel(handovers, scans, p, may.contains(ProposalAction.HAND_OVER), items, () -> show(p.id())));
        UnorderedList history = new UnorderedList();
        history.setId("proposal-history");
        for (HistoryEntry h : proposals.history(id)) {
            history.add(new ListItem(IndonesianFormat.dateTime(h.at()) + " · " + getTranslation("grants.state." + h.to().name())
                    + " · " + h.actorName() + (h.reason() == null ? "" : " · " + h.reason())));
        }
        add(new H3(getTranslation("grants.inbox.history")), history);
    }

    private void act(ProposalAction action) {
        Proposal p = current;
        try {
            switch (action) {
                case EDIT -> proposals.update(p.id(), editor.value(p.beneficiaryId(), p.budgetYear()), p.version());
                case SUBMIT -> {
                    Proposal saved = editor == null ? p : proposals.update(p.id(), editor.value(p.beneficiaryId(), p.budgetYear()), p.version());
                    proposals.submit(saved.id(), saved.version());
                }
                case WITHDRAW -> proposals.withdraw(p.id(), reason.getValue(), p.version());
                default -> throw new IllegalArgumentException(action.name());
            }
            Feedback.success(this, "grants.saved");
            show(p.id());
        } catch (RuleViolation v) {
            Feedback.show(this, v, editor == null ? Map.of("reason", reason) : withReason(editor.fields()));
        }
    }

    private Map<String, com.vaadin.flow.component.HasValidation> withReason(Map<String, com.vaadin.flow.component.HasValidation> fields) {
        Map<String, com.vaadin.flow.component.HasValidation> all = new java.util.HashMap<>(fields);
        all.put("reason", reason);
        return all;
    }

    @Override
    public String getPageTitle() {
        return title + " · Berdaya";
    }
}
