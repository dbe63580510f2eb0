package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.monitoring.ledger.Movement;

import java.util.List;

/** A person's asset history: every movement of every item handed over, oldest first. */
class LedgerPanel extends VerticalLayout {

    final Grid<Movement> grid = new Grid<>();

    LedgerPanel(List<Movement> movements) {
        setPadding(false);
        add(new H3(getTranslation("monitoring.ledger.title")));
        grid.setId("ledger-history");
        grid.setAllRowsVisible(true);
        grid.addColumn(m -> IndonesianFormat.date(m.movedOn())).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Movement::assetName).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("monitoring.movement." + m.kind().name()) + " " + m.quantity() + " " + m.unit()
                + (m.price() == null ? "" : " · " + IndonesianFormat.money(m.price()))
                + (m.cause() == null ? "" : " · " + m.cause())).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("monitoring.ledger.after", m.balanceAfter())).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(movements);
        add(grid);
    }
}
