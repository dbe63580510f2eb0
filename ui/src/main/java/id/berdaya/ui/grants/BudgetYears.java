package id.berdaya.ui.grants;

import com.vaadin.flow.component.combobox.ComboBox;
import id.berdaya.core.format.IndonesianFormat;

import java.time.LocalDate;
import java.util.stream.IntStream;

/** The budget-year choice of the grants screens: three years back to next year, this year (WIB) chosen. */
final class BudgetYears {

    private BudgetYears() {
    }

    static ComboBox<Integer> fill(ComboBox<Integer> year, String label) {
        int thisYear = LocalDate.now(IndonesianFormat.WIB).getYear();
        year.setItems(IntStream.rangeClosed(thisYear - 3, thisYear + 1).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(thisYear);
        year.setLabel(label);
        return year;
    }
}
