package id.berdaya.ui.registry;

import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.category.Category;
import id.berdaya.ui.components.GridLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.RuleViolation;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;

/** The PPKS categories (Permensos 08/2012), extendable by province administrators. */
@Route("penerima-manfaat/jenis-ppks")
@RolesAllowed("PROVINCE_ADMIN")
public class CategoriesView extends VerticalLayout implements HasDynamicTitle {

    private final CategoryService categories;
    final Grid<Category> grid = new Grid<>();
    final TextField name = new TextField();

    public CategoriesView(CategoryService categories) {
        this.categories = categories;
        setMaxWidth("60rem");
        add(new H2(getTranslation("registry.categories")));
        name.setPlaceholder(getTranslation("registry.category.name"));
        name.setId("category-name");
        name.setWidth("28rem");
        Button add = new Button(getTranslation("registry.category.add"), e -> {
            try {
                categories.add(name.getValue());
                name.clear();
                Feedback.success(this, "registry.category.added");
                refresh();
            } catch (RuleViolation v) {
                Feedback.show(this, v, Map.of("name", name));
            }
        });
        add.setId("category-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(form);

        grid.setId("category-grid");
        grid.addColumn(Category::number).setHeader(getTranslation("registry.category.number")).setAutoWidth(true);
        GridLayout.wrap(grid.addColumn(Category::name).setHeader(getTranslation("registry.category.name")).setFlexGrow(1));
        grid.addComponentColumn(c -> {
            Checkbox active = new Checkbox(c.active());
            active.addValueChangeListener(e -> {
                categories.setActive(c.id(), e.getValue());
                refresh();
            });
            return active;
        }).setHeader(getTranslation("registry.category.active")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(categories.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.categories") + " · Berdaya";
    }
}
