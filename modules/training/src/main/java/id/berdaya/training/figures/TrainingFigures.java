package id.berdaya.training.figures;

import id.berdaya.core.figures.CountedFigures;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Training's part of the scorecards: enrolments (not withdrawn) in the month of enrolment and
 * completions in the month the event ended, from the counts kept by triggers (V045).
 */
@Component
public class TrainingFigures extends CountedFigures {

    TrainingFigures(FigureCounts counts) {
        super(counts, Set.of(Figure.TRAINING_ENROLLED, Figure.TRAINING_COMPLETED));
    }
}
