package id.berdaya.ui.registry;

import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.ui.grants.PersonProposals;
import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import id.berdaya.registry.document.DocumentService;
import id.berdaya.registry.duplicate.DuplicateService;
import id.berdaya.training.history.TrainingService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.ui.components.AuditLabels;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.monitoring.PersonMonitoring;
import id.berdaya.ui.security.RouteAccess;
import id.berdaya.ui.training.TrainingHistoryPanel;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One person: data (NIK masked until revealed with a reason), verification for the district
 * head or a provincial verifier, household, documents, training history (from the training
 * module's {@code TrainingService}; the register does not know training), and the record's
 * history. Another district's record is "not found" (the service audits the attempt); every view
 * is audited.
 */
@Route("penerima-manfaat/:id([0-9]{1,18})")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER"})
public class BeneficiaryDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final BeneficiaryService registry;
    private final DocumentService documents;
    private final DuplicateService duplicates;
    private final AuditService audit;
    private final TrainingService training;
    private final ProposalService proposals;
    private final PersonMonitoring monitoring;
    private final RegistryLabels labels;
    private final AuditLabels auditLabels;
    private String title = "";

    public BeneficiaryDetailView(BeneficiaryService registry, DocumentService documents, DuplicateService duplicates, AuditService audit,
                                 RegionService regions, TrainingService training, ProposalService proposals, PersonMonitoring monitoring) {
        this.proposals = proposals;
        this.monitoring = monitoring;
        this.registry = registry;
        this.documents = documents;
        this.duplicates = duplicates;
        this.audit = audit;
        this.training = training;
        this.labels = new RegistryLabels(this, regions);
        this.auditLabels = new AuditLabels(this, regions);
        setMaxWidth("72rem");
    }

    public static RouteParameters parameters(long id) {
        return new RouteParameters("id", String.valueOf(id));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        show(id);
    }

    private void show(long id) {
        removeAll();
        BeneficiaryDetail d = registry.get(id).orElse(null);
        if (d == null) {
            title = getTranslation("error.notFound");
            add(new H2(getTranslation("error.notFound")), new RouterLink(getTranslation("registry.backToList"), BeneficiaryListView.class));
            return;
        }
        title = d.fullName();
        H2 name = new H2(d.fullName());
        name.setId("beneficiary-name");
        Span status = labels.status(d.status());
        status.setId("beneficiary-status");
        HorizontalLayout header = new HorizontalLayout(name, status);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new RouterLink(getTranslation("registry.backToList"), BeneficiaryListView.class), header);

        if (!d.reviewFlags().isEmpty()) {
            Paragraph flags = new Paragraph(getTranslation("registry.reviewFlags") + ": " + labels.flags(d.reviewFlags()));
            flags.setId("review-flags");
            flags.addClassName("berdaya-warning");
            add(flags);
        }
        if (d.mergedInto() != null) {
            Paragraph merged = new Paragraph(getTranslation("registry.mergedInto", d.mergedInto()));
            merged.addClassName("berdaya-warning");
            add(merged, new RouterLink("#" + d.mergedInto(), BeneficiaryDetailView.class, parameters(d.mergedInto())));
        }
        if (RouteAccess.canOpen(DuplicatesView.class)) {
            int pairs = duplicates.openOf(d.id()).size();
            if (pairs > 0) {
                RouterLink review = new RouterLink(getTranslation("registry.duplicates.pendingFor", pairs), DuplicatesView.class);
                review.setQueryParameters(DuplicatesView.of(d.id()));
                review.setId("review-duplicates");
                Paragraph pending = new Paragraph(review);
                pending.addClassName("berdaya-warning");
                add(pending);
            }
        }
        if (d.returnReason() != null) {
            Paragraph returned = new Paragraph(getTranslation("registry.returnedBecause", d.returnReason()));
            returned.setId("return-reason");
            returned.addClassName("berdaya-warning");
            add(returned);
        }

        Span nik = new Span(d.maskedNik());
        nik.setId("beneficiary-nik");
        Set<BeneficiaryService.Action> may = registry.allowedActions(d);
        Button reveal = new Button(getTranslation("registry.reveal"), VaadinIcon.EYE.create(), e -> askReveal(d.id(), nik));
        reveal.setId("reveal-nik");
        reveal.setVisible(may.contains(BeneficiaryService.Action.REVEAL_NIK));
        reveal.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Div facts = new Div();
        facts.addClassName("berdaya-detail-facts");
        facts.add(fact("NIK", new HorizontalLayout(nik, reveal)));
        facts.add(fact(getTranslation("registry.kk"), kk(d, may.contains(BeneficiaryService.Action.REVEAL_NIK))));
        facts.add(fact(getTranslation("registry.sex"), text(labels.sex(d.sex()))));
        facts.add(fact(getTranslation("registry.birth"), text((d.birthPlace() == null ? "" : d.birthPlace() + ", ")
                + IndonesianFormat.longDate(d.birthDate()) + " (" + RegistryLabels.age(d.birthDate()) + ")")));
        facts.add(fact(getTranslation("registry.address"), text((d.street() == null ? "" : d.street() + ", ")
                + (d.rt() == null ? "" : "RT " + d.rt() + " ") + (d.rw() == null ? "" : "RW " + d.rw() + ", ")
                + labels.desa(d.kecamatanCode(), d.desaCode()) + ", " + labels.kecamatan(d.kabkotaCode(), d.kecamatanCode())
                + ", " + labels.kabkota(d.kabkotaCode()))));
        facts.add(fact(getTranslation("registry.phone"), text(d.phone())));
        if (d.category() != null) {
            facts.add(fact(getTranslation("registry.category"), text(d.category())));
        }
        if (d.referralSource() != null) {
            facts.add(fact(getTranslation("registry.referral"), text(getTranslation("registry.referral." + d.referralSource()))));
        }
        facts.add(fact(getTranslation("registry.legalBasis"), text(getTranslation("registry.legalBasis." + d.legalBasis().name()))));
        if (d.sensitiveNotes() != null) {
            facts.add(fact(getTranslation("registry.notes"), text(d.sensitiveNotes())));
        }
        facts.add(fact(getTranslation("registry.registeredBy"), text(d.createdBy() + " · " + IndonesianFormat.dateTime(d.createdAt()))));
        add(facts);

        if (may.contains(BeneficiaryService.Action.EDIT)) {
            Button edit = new Button(getTranslation("registry.edit"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(BeneficiaryEditView.class, parameters(d.id()))));
            edit.setId("edit");
            add(edit);
        }
        if (may.contains(BeneficiaryService.Action.CHANGE_STATUS)) {
            Button change = new Button(getTranslation("registry.status.change"), VaadinIcon.EXCHANGE.create(), e -> askStatus(d));
            change.setId("change-status");
            add(change);
        }
        if (may.contains(BeneficiaryService.Action.VERIFY) || may.contains(BeneficiaryService.Action.RETURN)) {
            Button verify = new Button(getTranslation("registry.verify"), VaadinIcon.CHECK.create(), e -> act(() -> {
                registry.verify(d.id(), d.version());
                Feedback.success(this, "registry.verified");
            }, d.id()));
            verify.setId("verify");
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            verify.setVisible(may.contains(BeneficiaryService.Action.VERIFY));
            Button giveBack = new Button(getTranslation("registry.return"), VaadinIcon.ARROW_BACKWARD.create(), e -> askReturn(d));
            giveBack.setId("return");
            giveBack.setVisible(may.contains(BeneficiaryService.Action.RETURN));
            add(new HorizontalLayout(verify, giveBack));
        }

        var household = registry.household(d.id());
        if (!household.isEmpty()) {
            add(new H3(getTranslation("registry.household")));
            Grid<BeneficiarySummary> members = new Grid<>();
            members.addColumn(BeneficiarySummary::fullName).setHeader(getTranslation("registry.fullName"));
            members.addColumn(m -> IndonesianFormat.date(m.birthDate())).setHeader(getTranslation("registry.birthDate"));
            members.addColumn(m -> labels.sex(m.sex())).setHeader(getTranslation("registry.sex"));
            members.setItems(household);
            members.setAllRowsVisible(true);
            members.addThemeVariants(GridVariant.LUMO_COMPACT);
            members.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(BeneficiaryDetailView.class, parameters(e.getItem().id()))));
            add(members);
        }

        add(new PersonProposals(proposals, d.id()));
        add(monitoring.panel(List.of(d.id())));
        add(new H3(getTranslation("registry.documents")));
        add(new DocumentsPanel(documents, d.id(), may.contains(BeneficiaryService.Action.UPLOAD_DOCUMENT)));
        if (training.mayReadHistory()) {
            add(new TrainingHistoryPanel(training, d.id()));
        }

        add(new H3(getTranslation("registry.history")));
        Grid<AuditEntry> history = new Grid<>();
        history.setId("beneficiary-history");
        history.addColumn(e -> IndonesianFormat.dateTime(e.occurredAt())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        history.addColumn(AuditEntry::username).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        history.addColumn(e -> auditLabels.action(e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        history.addColumn(e -> e.newValue() == null ? "" : e.newValue()).setHeader(getTranslation("audit.newValue")).setFlexGrow(1);
        history.setItems(registry.historyIds(d.id()).stream()
                .flatMap(i -> audit.history("BENEFICIARY", String.valueOf(i), 100).stream())
                .sorted(java.util.Comparator.comparing(AuditEntry::id).reversed()).toList());
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(history);
    }

    private void askReveal(long id, Span target) {
        RevealDialog.open(this, "registry.reveal", reason -> registry.revealNik(id, reason), target::setText);
    }

    /** The KK number, masked, with a reveal for a reason when there is one. */
    private com.vaadin.flow.component.Component kk(BeneficiaryDetail d, boolean mayReveal) {
        Span kk = text(d.kkNumber());
        kk.setId("beneficiary-kk");
        if (d.kkNumber() == null || !mayReveal) {
            return kk;
        }
        Button reveal = new Button(getTranslation("registry.revealKk"), VaadinIcon.EYE.create(),
                e -> RevealDialog.open(this, "registry.revealKk", reason -> registry.revealKk(d.id(), reason), kk::setText));
        reveal.setId("reveal-kk");
        reveal.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return new HorizontalLayout(kk, reveal);
    }

    private void askReturn(BeneficiaryDetail d) {
        Dialog dialog = new Dialog(getTranslation("registry.return"));
        TextField reason = new TextField(getTranslation("registry.return.reason"));
        reason.setId("return-reason-field");
        reason.setWidthFull();
        dialog.add(reason);
        Button ok = new Button(getTranslation("registry.return"), e -> {
            try {
                registry.returnForRevision(d.id(), reason.getValue(), d.version());
                dialog.close();
                Feedback.success(this, "registry.returned");
                show(d.id());
            } catch (RuleViolation v) {
                Feedback.show(this, v, Map.of("reason", reason));
            }
        });
        ok.setId("return-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void askStatus(BeneficiaryDetail d) {
        Dialog dialog = new Dialog(getTranslation("registry.status.change"));
        com.vaadin.flow.component.select.Select<BeneficiaryStatus> to = new com.vaadin.flow.component.select.Select<>();
        to.setLabel(getTranslation("registry.status"));
        to.setItems(d.status().next());
        to.setItemLabelGenerator(st -> getTranslation("registry.status." + st.name()));
        TextField reason = new TextField(getTranslation("registry.status.reason"));
        reason.setWidthFull();
        dialog.add(new VerticalLayout(to, reason));
        Button ok = new Button(getTranslation("action.save"), e -> {
            try {
                registry.changeStatus(d.id(), to.getValue(), reason.getValue(), d.version());
                dialog.close();
                show(d.id());
            } catch (RuleViolation v) {
                Feedback.show(this, v, Map.of("reason", reason, "status", to));
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void act(Runnable action, long id) {
        try {
            action.run();
        } catch (RuleViolation v) {
            Feedback.show(this, v, Map.of());
        }
        show(id);
    }

    private static Span text(String value) {
        return new Span(value == null || value.isBlank() ? "—" : value);
    }

    private static Div fact(String label, com.vaadin.flow.component.Component value) {
        Span l = new Span(label);
        l.addClassName("berdaya-fact-label");
        Div d = new Div(l, value);
        d.addClassName("berdaya-detail-fact");
        return d;
    }

    @Override
    public String getPageTitle() {
        return title + " · Berdaya";
    }
}
