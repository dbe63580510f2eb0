package id.berdaya.registry.figures;

import id.berdaya.core.figures.CountedFigures;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The register's part of the scorecards: people registered and verified, from the counts the
 * register's triggers keep (V045); counted in the month of registration.
 */
@Component
public class RegistryFigures extends CountedFigures {

    RegistryFigures(FigureCounts counts) {
        super(counts, Set.of(Figure.REGISTERED, Figure.VERIFIED));
    }
}
