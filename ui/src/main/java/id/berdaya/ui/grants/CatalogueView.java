package id.berdaya.ui.grants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.catalogue.ItemGroup;
import id.berdaya.grants.catalogue.NewCatalogueItem;
import id.berdaya.grants.catalogue.Unit;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;

/**
 * The unit-price catalogue of a budget year. Everyone who works with grants reads it; the form to
 * add or change an item shows only when the service says the user may keep the catalogue.
 */
@Route("bantuan/katalog")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD"})
public class CatalogueView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final CatalogueService catalogue;
    final ComboBox<Integer> year = new ComboBox<>();
    final Grid<CatalogueItem> grid = new Grid<>();
    final TextField name = new TextField();
    final ComboBox<ItemGroup> group = new ComboBox<>();
    final ComboBox<Unit> unit = new ComboBox<>();
    final IntegerField price = new IntegerField();
    final Checkbox active = new Checkbox();
    final Button save = new Button();
    final Button clear = new Button();
    private CatalogueItem editing;

    public CatalogueView(CatalogueService catalogue) {
        this.catalogue = catalogue;
        setSizeFull();
        add(new H2(getTranslation("grants.catalogue.title")));
        BudgetYears.fill(year, getTranslation("grants.field.budgetYear"));
        year.setId("catalogue-year");
        year.addValueChangeListener(e -> refresh());
        add(year);

        grid.setId("catalogue-grid");
        grid.addColumn(CatalogueItem::name).setHeader(getTranslation("grants.field.itemName")).setFlexGrow(2);
        grid.addColumn(i -> getTranslation("grants.group." + i.group().name())).setHeader(getTranslation("grants.field.group"))
                .setAutoWidth(true);
        grid.addColumn(i -> getTranslation("grants.unit." + i.unit().name())).setHeader(getTranslation("grants.field.unit"))
                .setAutoWidth(true);
        grid.addColumn(i -> IndonesianFormat.money(i.unitPrice())).setHeader(getTranslation("grants.field.unitPrice")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation(i.active() ? "grants.catalogue.active" : "grants.catalogue.inactive"))
                .setHeader(getTranslation("grants.field.active")).setAutoWidth(true);
        add(grid);

        if (catalogue.mayEdit()) {
            name.setLabel(getTranslation("grants.field.itemName"));
            name.setId("catalogue-name");
            group.setItems(ItemGroup.values());
            group.setItemLabelGenerator(g -> getTranslation("grants.group." + g.name()));
            group.setLabel(getTranslation("grants.field.group"));
            group.setId("catalogue-group");
            unit.setItems(Unit.values());
            unit.setItemLabelGenerator(u -> getTranslation("grants.unit." + u.name()));
            unit.setLabel(getTranslation("grants.field.unit"));
            unit.setId("catalogue-unit");
            price.setLabel(getTranslation("grants.field.unitPrice"));
            price.setId("catalogue-price");
            active.setLabel(getTranslation("grants.catalogue.active"));
            active.setValue(true);
            save.setText(getTranslation("action.save"));
            save.setId("catalogue-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            clear.setText(getTranslation("grants.catalogue.newItem"));
            clear.addClickListener(e -> edit(null));
            grid.addItemClickListener(e -> edit(e.getItem()));
            HorizontalLayout form = new HorizontalLayout(name, group, unit, price, active, save, clear);
            form.setAlignItems(Alignment.BASELINE);
            form.setWrap(true);
            add(form);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        grid.setItems(year.getValue() == null ? java.util.List.of() : catalogue.list(year.getValue(), false));
    }

    private void edit(CatalogueItem item) {
        editing = item;
        name.setValue(item == null ? "" : item.name());
        group.setValue(item == null ? null : item.group());
        unit.setValue(item == null ? null : item.unit());
        price.setValue(item == null ? null : (int) item.unitPrice());
        active.setValue(item == null || item.active());
    }

    private void save() {
        NewCatalogueItem n = new NewCatalogueItem(year.getValue() == null ? 0 : year.getValue(), name.getValue(), group.getValue(),
                unit.getValue(), price.getValue() == null ? 0 : price.getValue(), active.getValue());
        try {
            if (editing == null) {
                catalogue.create(n);
            } else {
                catalogue.update(editing.id(), n, editing.version());
            }
            Feedback.success(this, "grants.saved");
            edit(null);
            refresh();
        } catch (RuleViolation v) {
            Feedback.show(this, v, Map.of("name", name, "group", group, "unit", unit, "unitPrice", price, "budgetYear", year));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grants.catalogue.title") + " · Berdaya";
    }
}
