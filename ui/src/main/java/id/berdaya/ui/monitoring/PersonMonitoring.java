package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.monitoring.ledger.LedgerService;
import id.berdaya.monitoring.outcome.Outcome;
import id.berdaya.monitoring.outcome.OutcomeService;
import id.berdaya.monitoring.reintegration.ReintegrationService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The monitoring part of a beneficiary's page: their visits (each opens its page), the outcome at
 * 12 months, the risk flags (a count; the flags for whoever may see them, audited) and the asset
 * history.
 */
@SpringComponent
public class PersonMonitoring {

    private final VisitService visits;
    private final LedgerService ledger;
    private final ReintegrationService reintegration;
    private final OutcomeService outcomes;

    PersonMonitoring(VisitService visits, LedgerService ledger, ReintegrationService reintegration, OutcomeService outcomes) {
        this.visits = visits;
        this.ledger = ledger;
        this.reintegration = reintegration;
        this.outcomes = outcomes;
    }

    /** The panel of a person (with the records merged into theirs). */
    public Component panel(List<Long> beneficiaryIds) {
        VerticalLayout p = new VerticalLayout();
        p.setPadding(false);
        p.setId("person-monitoring");
        p.add(new H3(p.getTranslation("monitoring.person.title")));
        List<Visit> list = visits.ofBeneficiaries(beneficiaryIds);
        if (list.isEmpty()) {
            p.add(new Span(p.getTranslation("monitoring.person.none")));
            return p;
        }
        Grid<Visit> grid = new Grid<>();
        grid.setId("person-visits");
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> p.getTranslation("monitoring.visitMonth", v.monthOffset())).setAutoWidth(true);
        grid.addColumn(v -> IndonesianFormat.date(v.dueOn())).setHeader(p.getTranslation("monitoring.field.due")).setAutoWidth(true);
        grid.addColumn(v -> p.getTranslation("monitoring.state." + v.state(visits.today()).name())
                + (v.done() && v.business() != null ? " · " + p.getTranslation("monitoring.business." + v.business().name()) : ""))
                .setHeader(p.getTranslation("monitoring.field.state")).setAutoWidth(true);
        grid.setItems(list);
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate(VisitView.class, VisitView.parameters(e.getItem().id()))));
        p.add(grid);
        for (Outcome o : outcomes.ofBeneficiaries(beneficiaryIds)) {
            Span line = new Span(p.getTranslation("monitoring.outcome.line", p.getTranslation("monitoring.outcome." + o.kind().name()),
                    p.getTranslation("monitoring.outcome.reason." + o.reason().name()), IndonesianFormat.date(o.decidedOn())));
            line.setId("person-outcome");
            p.add(line);
        }
        Set<Long> cases = new LinkedHashSet<>(list.stream().map(Visit::caseId).toList());
        for (long caseId : cases) {
            p.add(new FlagsPanel(reintegration, caseId));
        }
        p.add(new LedgerPanel(ledger.history(cases)));
        return p;
    }
}
