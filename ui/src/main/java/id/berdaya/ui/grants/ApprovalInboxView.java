package id.berdaya.ui.grants;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.grants.approval.ApprovalService;
import id.berdaya.grants.approval.BulkOutcome;
import id.berdaya.grants.approval.ProposalReview;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.InboxFilter;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalAction;
import id.berdaya.grants.proposal.ProposalItem;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The approval inbox: the proposals waiting for the user's step (a district head: their district's
 * submitted ones; the province: those approved by a district), oldest first, with filters; a side
 * panel with the selected proposal; approve (Alt+S), return (Alt+K) or reject (Alt+T), after which
 * the next proposal opens (a shortcut pressed while typing the reason first commits the reason:
 * resetFocusOnActiveElement); and bulk approval of the ticked ones with a summary per proposal. The
 * buttons come from the service's allowed actions.
 */
@Route("persetujuan")
@RolesAllowed({"DISTRICT_HEAD", "PROVINCE_OFFICER", "PROVINCE_ADMIN"})
public class ApprovalInboxView extends HorizontalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ApprovalService approvals;
    private final ProposalService proposals;
    private final Map<String, Kabkota> districts;
    private final Clock clock;
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final ComboBox<BusinessType> businessType = new ComboBox<>();
    final IntegerField minTotal = new IntegerField();
    final IntegerField maxTotal = new IntegerField();
    final IntegerField minWaitingDays = new IntegerField();
    final Grid<Proposal> grid = new Grid<>();
    final VerticalLayout panel = new VerticalLayout();
    final TextArea reason = new TextArea();
    final Button approve = new Button();
    final Button sendBack = new Button();
    final Button reject = new Button();
    final Button approveTicked = new Button();
    final Div summary = new Div();
    private ProposalReview current;

    public ApprovalInboxView(ApprovalService approvals, ProposalService proposals, RegionService regions, Clock clock) {
        this.approvals = approvals;
        this.proposals = proposals;
        this.districts = regions.kabkotaByCode();
        this.clock = clock;
        setSizeFull();

        kabkota.setItems(regions.kabkota());
        kabkota.setItemLabelGenerator(Kabkota::displayName);
        kabkota.setLabel(getTranslation("grants.field.kabkota"));
        kabkota.setClearButtonVisible(true);
        kabkota.setId("inbox-kabkota");
        businessType.setItems(BusinessType.values());
        businessType.setItemLabelGenerator(t -> getTranslation("grants.businessType." + t.name()));
        businessType.setLabel(getTranslation("grants.field.businessType"));
        businessType.setClearButtonVisible(true);
        businessType.setId("inbox-business-type");
        minTotal.setLabel(getTranslation("grants.inbox.minTotal"));
        minTotal.setId("inbox-min-total");
        maxTotal.setLabel(getTranslation("grants.inbox.maxTotal"));
        maxTotal.setId("inbox-max-total");
        minWaitingDays.setLabel(getTranslation("grants.inbox.minWaitingDays"));
        minWaitingDays.setMin(0);
        minWaitingDays.setId("inbox-min-days");
        kabkota.addValueChangeListener(e -> refresh());
        businessType.addValueChangeListener(e -> refresh());
        minTotal.addValueChangeListener(e -> refresh());
        maxTotal.addValueChangeListener(e -> refresh());
        minWaitingDays.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(kabkota, businessType, minTotal, maxTotal, minWaitingDays);
        filters.setAlignItems(Alignment.END);
        filters.setWrap(true);

        grid.setId("inbox-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // beside the side panel, at 1366 px, names and business types wrap rather than being cut or pushing a column out of sight
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Proposal::beneficiaryName).setHeader(getTranslation("grants.field.beneficiary")).setWidth("11rem").setFlexGrow(2);
        Grid.Column<Proposal> district = grid.addColumn(p -> district(p.kabkotaCode())).setHeader(getTranslation("grants.field.kabkota"))
                .setAutoWidth(true);
        if (CurrentUser.require().kabkotaCode() != null) { // a district's user sees their own district only: no column, no filter
            district.setVisible(false);
            kabkota.setVisible(false);
        }
        grid.addColumn(p -> getTranslation("grants.businessType." + p.businessType().name()))
                .setHeader(getTranslation("grants.field.businessType")).setWidth("9rem").setFlexGrow(1);
        grid.addColumn(p -> IndonesianFormat.money(p.total())).setHeader(getTranslation("grants.field.total")).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(p -> getTranslation("grants.inbox.days", waitingDays(p))).setHeader(getTranslation("grants.inbox.waiting"))
                .setAutoWidth(true);
        grid.addItemClickListener(e -> show(e.getItem()));
        grid.addSelectionListener(e -> approveTicked.setEnabled(!e.getAllSelectedItems().isEmpty()));

        approveTicked.setText(getTranslation("grants.inbox.approveTicked"));
        approveTicked.setId("inbox-approve-ticked");
        approveTicked.setEnabled(false);
        approveTicked.addClickListener(e -> approveTicked());
        summary.setId("inbox-summary");

        VerticalLayout list = new VerticalLayout(new H2(getTranslation("grants.inbox.title")), filters, grid,
                new HorizontalLayout(approveTicked), summary);
        list.setSizeFull();

        approve.setText(getTranslation("grants.action.approve"));
        approve.setId("inbox-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.addClickShortcut(Key.KEY_S, KeyModifier.ALT).resetFocusOnActiveElement();
        approve.addClickListener(e -> decide(ProposalAction.APPROVE));
        sendBack.setText(getTranslation("grants.action.return"));
        sendBack.setId("inbox-return");
        sendBack.addClickShortcut(Key.KEY_K, KeyModifier.ALT).resetFocusOnActiveElement();
        sendBack.addClickListener(e -> decide(ProposalAction.RETURN));
        reject.setText(getTranslation("grants.action.reject"));
        reject.setId("inbox-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickShortcut(Key.KEY_T, KeyModifier.ALT).resetFocusOnActiveElement();
        reject.addClickListener(e -> decide(ProposalAction.REJECT));
        reason.setLabel(getTranslation("grants.field.reason"));
        reason.setWidthFull();
        reason.setId("inbox-reason");
        panel.setId("inbox-panel");
        panel.setWidth("26rem");
        panel.setMinWidth("26rem"); // the list gives way, not the decision
        panel.setVisible(false);
        add(list, panel);
        setFlexGrow(1, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    /** The proposals the filter shows, oldest first. */
    List<Proposal> shown() {
        return approvals.inbox(new InboxFilter(kabkota.getValue() == null ? null : kabkota.getValue().code(), businessType.getValue(),
                minTotal.getValue() == null ? null : minTotal.getValue().longValue(),
                maxTotal.getValue() == null ? null : maxTotal.getValue().longValue(), minWaitingDays.getValue()));
    }

    private void refresh() {
        grid.setItems(shown());
        MainLayout layout = findAncestor(MainLayout.class);
        if (layout != null) {
            layout.refreshWaitingCount();
        }
    }

    /** Opens a proposal in the side panel. */
    void show(Proposal p) {
        current = approvals.review(p.id());
        panel.removeAll();
        Proposal q = current.proposal();
        panel.add(new H3(q.beneficiaryName()));
        Div decision = new Div(); // what the reviewer decides on, and the decision, before the details
        decision.setId("inbox-decision");
        decision.setWidthFull();
        panel.add(decision);
        panel.add(line("grants.field.nik", current.person().maskedNik()));
        if (current.person().category() != null) {
            panel.add(line("grants.field.category", current.person().category()));
        }
        panel.add(line("grants.field.kabkota", district(q.kabkotaCode())));
        panel.add(line("grants.field.training", current.eligibility().completedOn().map(IndonesianFormat::date)
                .map(d -> getTranslation("grants.inbox.trainedOn", d))
                .orElse(current.eligibility().exemption().map(x -> getTranslation("grants.inbox.exempted", x.reason()))
                        .orElse(getTranslation("grants.inbox.notTrained")))));
        panel.add(line("grants.field.businessType", getTranslation("grants.businessType." + q.businessType().name())));
        panel.add(line("grants.field.location", q.location()));
        Span plan = new Span(q.businessPlan());
        panel.add(plan);
        UnorderedList items = new UnorderedList();
        items.setId("inbox-items");
        for (ProposalItem i : current.items()) {
            items.add(new ListItem(i.quantity() + " " + getTranslation("grants.unit." + i.unit().name()) + " " + i.name() + " × "
                    + IndonesianFormat.money(i.unitPrice()) + " = " + IndonesianFormat.money(i.subtotal())));
        }
        panel.add(items);
        Span remaining = line("grants.inbox.remainingPagu", current.remainingPagu().map(IndonesianFormat::money)
                .orElse(getTranslation("grants.inbox.noPagu")));
        remaining.setId("inbox-remaining");
        decision.add(line("grants.field.total", IndonesianFormat.money(q.total())), remaining);
        UnorderedList history = new UnorderedList();
        for (HistoryEntry h : current.history()) {
            history.add(new ListItem(IndonesianFormat.dateTime(h.at()) + " · " + getTranslation("grants.state." + h.to().name())
                    + " · " + h.actorName() + (h.reason() == null ? "" : " · " + h.reason())));
        }
        panel.add(new H3(getTranslation("grants.inbox.history")), history);
        if (!current.otherProposals().isEmpty()) {
            UnorderedList others = new UnorderedList();
            current.otherProposals().forEach(o -> others.add(new ListItem(o.budgetYear() + " · "
                    + getTranslation("grants.state." + o.state().name()) + " · " + IndonesianFormat.money(o.total()))));
            panel.add(new H3(getTranslation("grants.inbox.otherProposals")), others);
        }
        Set<ProposalAction> may = current.actions();
        approve.setVisible(may.contains(ProposalAction.APPROVE));
        sendBack.setVisible(may.contains(ProposalAction.RETURN));
        reject.setVisible(may.contains(ProposalAction.REJECT));
        reason.setVisible(may.contains(ProposalAction.RETURN) || may.contains(ProposalAction.REJECT));
        reason.clear();
        reason.setInvalid(false);
        HorizontalLayout buttons = new HorizontalLayout(approve, sendBack, reject);
        buttons.setWrap(true);
        decision.add(reason, buttons);
        panel.setVisible(true);
    }

    private void decide(ProposalAction action) {
        if (current == null) {
            return;
        }
        Proposal p = current.proposal();
        List<Proposal> before = grid.getGenericDataView().getItems().toList();
        int index = before.indexOf(p);
        try {
            switch (action) {
                case APPROVE -> proposals.approve(p.id(), p.version());
                case RETURN -> proposals.returnForRevision(p.id(), reason.getValue(), p.version());
                case REJECT -> proposals.reject(p.id(), reason.getValue(), p.version());
                default -> throw new IllegalArgumentException(action.name());
            }
            Feedback.success(this, "grants.inbox.decided." + action.name(), p.beneficiaryName());
        } catch (RuleViolation v) {
            Feedback.show(this, v, Map.of("reason", reason));
            if (v.problems().stream().noneMatch(x -> "reason".equals(x.field()))) {
                refresh();
            }
            return;
        }
        refresh();
        List<Proposal> after = grid.getGenericDataView().getItems().toList();
        if (after.isEmpty()) {
            current = null;
            panel.setVisible(false);
        } else {
            show(after.get(Math.min(Math.max(index, 0), after.size() - 1))); // the next one, without leaving the page
        }
    }

    private void approveTicked() {
        List<Proposal> ticked = grid.getGenericDataView().getItems().filter(grid.getSelectedItems()::contains).toList();
        List<BulkOutcome> outcomes = approvals.approveAll(ticked);
        summary.removeAll();
        long approved = outcomes.stream().filter(BulkOutcome::approved).count();
        summary.add(new Span(getTranslation("grants.inbox.bulkSummary", approved, outcomes.size())));
        UnorderedList failed = new UnorderedList();
        for (BulkOutcome o : outcomes) {
            if (!o.approved()) {
                failed.add(new ListItem(getTranslation("grants.inbox.bulkFailed", o.position(), o.beneficiaryName(),
                        getTranslation(o.key(), o.args().toArray()))));
            }
        }
        summary.add(failed);
        grid.deselectAll();
        refresh();
        panel.setVisible(false);
        current = null;
    }

    private long waitingDays(Proposal p) {
        return p.waitingSince() == null ? 0 : Duration.between(p.waitingSince(), clock.instant()).toDays();
    }

    private String district(String code) {
        Kabkota k = districts.get(code);
        return k == null ? code : k.displayName();
    }

    private Span line(String key, String value) {
        Span s = new Span(getTranslation(key) + ": " + value);
        s.getStyle().set("display", "block");
        return s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grants.inbox.title") + " · Berdaya";
    }
}
