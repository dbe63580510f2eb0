package id.berdaya.ui.training;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.history.TrainingHistoryEntry;
import id.berdaya.training.history.TrainingService;

import java.util.stream.Collectors;

/**
 * A person's training history on the beneficiary's detail page: each event (its public title,
 * linked to the event), dates, participation, attendance share, result and the certificate, linked
 * to its public check. The register knows nothing of training: the detail page adds this panel
 * when {@link TrainingService#mayReadHistory()} says so.
 */
public class TrainingHistoryPanel extends VerticalLayout {

    public TrainingHistoryPanel(TrainingService training, long beneficiaryId) {
        setPadding(false);
        Grid<TrainingHistoryEntry> grid = new Grid<>();
        grid.setId("training-history");
        grid.addComponentColumn(h -> new RouterLink(h.publicTitle(), EventDetailView.class,
                new RouteParameters("id", String.valueOf(h.eventId())))).setHeader(getTranslation("verify.training")).setFlexGrow(1);
        grid.addColumn(h -> IndonesianFormat.date(h.startDate()) + " – " + IndonesianFormat.date(h.endDate()))
                .setHeader(getTranslation("training.field.dates")).setAutoWidth(true);
        grid.addColumn(h -> getTranslation("training.participant." + h.participantStatus().name()) + " · "
                + getTranslation("training.status." + h.eventStatus().name())).setHeader(getTranslation("training.field.status")).setAutoWidth(true);
        grid.addColumn(h -> h.attendancePct() == null ? "" : h.attendancePct().stripTrailingZeros().toPlainString() + " %")
                .setHeader(getTranslation("training.field.attendance")).setAutoWidth(true);
        grid.addColumn(this::result).setHeader(getTranslation("training.field.result")).setAutoWidth(true);
        grid.addComponentColumn(h -> certificate(h.certificate())).setHeader(getTranslation("training.certificates")).setAutoWidth(true);
        grid.setItems(training.history(beneficiaryId));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("training.history.none"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(new H3(getTranslation("training.history")), grid);
    }

    private String result(TrainingHistoryEntry h) {
        if (h.result() == null) {
            return "";
        }
        String result = getTranslation("training.result." + h.result().name());
        return h.reasons().isEmpty() ? result
                : result + ": " + h.reasons().stream().map(r -> getTranslation("training.reason." + r)).collect(Collectors.joining(", "));
    }

    /** The certificate's number, linked to its public check (in a new tab), and whether it is valid. */
    private Component certificate(Certificate c) {
        if (c == null) {
            return new Span();
        }
        Anchor link = new Anchor(RouteConfiguration.forSessionScope().getUrl(VerificationView.class, new RouteParameters("code", c.code())),
                c.number(), AnchorTarget.BLANK);
        link.setId("certificate-" + c.id());
        return new Span(link, new Span(" · " + getTranslation(c.valid() ? "training.certificate.valid" : "training.certificate.revokedShort")));
    }
}
