package id.berdaya.ui.components;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.QueryParameters;

import java.util.Objects;
import java.util.function.Function;

/**
 * Presets a list's filter from the address (the scorecard's cells open lists such as
 * {@code /bantuan?kabkota=33.03&state=HANDED_OVER}): a value the box does not offer is ignored.
 */
public final class QueryFilters {

    private QueryFilters() {
    }

    /** Whether the address carries any of the names (so that a list drops its default filter, e.g. this year). */
    public static boolean any(QueryParameters q, String... names) {
        for (String n : names) {
            if (q.getSingleParameter(n).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Selects the item whose key is the parameter's value, if there is one and the box is not read-only. */
    public static <T> void select(ComboBox<T> box, QueryParameters q, String name, Function<T, String> key) {
        q.getSingleParameter(name).ifPresent(v -> {
            if (!box.isReadOnly()) {
                box.getListDataView().getItems().filter(i -> Objects.equals(key.apply(i), v)).findFirst().ifPresent(box::setValue);
            }
        });
    }
}
