package id.berdaya.ui.grants;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.NewProposal;
import id.berdaya.grants.proposal.ProposalItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form of a proposal: business type, plan, location and the items (catalogue item and
 * quantity, with subtotals and the total in rupiah at the catalogue's current prices).
 */
class ProposalEditor extends Composite<VerticalLayout> {

    /** One line as the form holds it. */
    record Line(CatalogueItem item, int quantity) {
        long subtotal() {
            return item.unitPrice() * quantity;
        }
    }

    final ComboBox<BusinessType> businessType = new ComboBox<>();
    final TextArea plan = new TextArea();
    final TextField location = new TextField();
    final ComboBox<CatalogueItem> item = new ComboBox<>();
    final IntegerField quantity = new IntegerField();
    final Button add = new Button();
    final Grid<Line> lines = new Grid<>();
    final Span total = new Span();
    private final List<Line> held = new ArrayList<>();

    ProposalEditor(List<CatalogueItem> catalogue) {
        businessType.setItems(BusinessType.values());
        businessType.setItemLabelGenerator(t -> getTranslation("grants.businessType." + t.name()));
        businessType.setLabel(getTranslation("grants.field.businessType"));
        businessType.setId("proposal-business-type");
        plan.setLabel(getTranslation("grants.field.plan"));
        plan.setWidthFull();
        plan.setMaxLength(2000);
        plan.setId("proposal-plan");
        location.setLabel(getTranslation("grants.field.location"));
        location.setWidthFull();
        location.setId("proposal-location");
        item.setItems(catalogue);
        item.setItemLabelGenerator(i -> i.name() + " (" + IndonesianFormat.money(i.unitPrice()) + " / "
                + getTranslation("grants.unit." + i.unit().name()) + ")");
        item.setLabel(getTranslation("grants.field.itemName"));
        item.setWidth("24rem");
        item.setId("proposal-item");
        quantity.setLabel(getTranslation("grants.field.quantity"));
        quantity.setMin(1);
        quantity.setValue(1);
        quantity.setId("proposal-quantity");
        add.setText(getTranslation("grants.proposal.addItem"));
        add.setId("proposal-add-item");
        add.addClickListener(e -> {
            if (item.getValue() != null && quantity.getValue() != null && quantity.getValue() > 0) {
                held.removeIf(l -> l.item().id() == item.getValue().id());
                held.add(new Line(item.getValue(), quantity.getValue()));
                shown();
                item.clear();
                quantity.setValue(1);
            }
        });
        lines.setId("proposal-lines");
        lines.setAllRowsVisible(true);
        lines.addColumn(l -> l.item().name()).setHeader(getTranslation("grants.field.itemName")).setFlexGrow(2);
        lines.addColumn(l -> l.quantity() + " " + getTranslation("grants.unit." + l.item().unit().name()))
                .setHeader(getTranslation("grants.field.quantity")).setAutoWidth(true);
        lines.addColumn(l -> IndonesianFormat.money(l.item().unitPrice())).setHeader(getTranslation("grants.field.unitPrice"))
                .setAutoWidth(true);
        lines.addColumn(l -> IndonesianFormat.money(l.subtotal())).setHeader(getTranslation("grants.field.subtotal")).setAutoWidth(true);
        lines.addComponentColumn(l -> new Button(getTranslation("grants.proposal.removeItem"), e -> {
            held.remove(l);
            shown();
        })).setAutoWidth(true);
        total.setId("proposal-total");
        HorizontalLayout adding = new HorizontalLayout(item, quantity, add);
        adding.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().add(businessType, plan, location, adding, lines, total);
        shown();
    }

    /** Fills the form from a proposal's values and items. */
    void fill(BusinessType type, String planText, String place, List<ProposalItem> items, Map<Long, CatalogueItem> catalogue) {
        businessType.setValue(type);
        plan.setValue(planText);
        location.setValue(place);
        held.clear();
        for (ProposalItem i : items) {
            CatalogueItem c = catalogue.get(i.catalogueItemId());
            if (c != null) {
                held.add(new Line(c, i.quantity()));
            }
        }
        shown();
    }

    NewProposal value(long beneficiaryId, int year) {
        return new NewProposal(beneficiaryId, year, businessType.getValue(), plan.getValue(), location.getValue(),
                held.stream().map(l -> new ItemLine(l.item().id(), l.quantity())).toList());
    }

    Map<String, com.vaadin.flow.component.HasValidation> fields() {
        return Map.of("businessType", businessType, "businessPlan", plan, "location", location, "items", item);
    }

    private void shown() {
        lines.setItems(List.copyOf(held));
        total.setText(getTranslation("grants.field.total") + ": " + IndonesianFormat.money(held.stream().mapToLong(Line::subtotal).sum()));
    }
}
