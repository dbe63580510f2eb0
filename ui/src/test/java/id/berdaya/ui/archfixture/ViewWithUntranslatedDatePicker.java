package id.berdaya.ui.archfixture;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Deliberately broken (architecture test fixture): a date picker whose month names stay English, not from the bundles. */
@Route("archfixture-datepicker")
@PermitAll
public class ViewWithUntranslatedDatePicker extends Div {
    public ViewWithUntranslatedDatePicker() {
        add(new DatePicker("Tanggal"));
    }
}
