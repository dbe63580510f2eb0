package id.berdaya.ui.archfixture;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import id.berdaya.core.figures.FigureSource;
import jakarta.annotation.security.PermitAll;

import java.time.LocalDate;

/** Deliberately broken (architecture test fixture): a view that reads a module's figures past the scorecard service. */
@Route("archfixture-figures")
@PermitAll
public class ViewWithFigureSource extends Div {
    public ViewWithFigureSource(FigureSource source) {
        setText(String.valueOf(source.byKabkota(LocalDate.now()).size()));
    }
}
