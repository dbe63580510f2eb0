package id.berdaya.monitoring.scorecard;

import id.berdaya.core.figures.Figure;

/**
 * A column of the scorecard: a count of one {@link Figure}, or a percentage of two (the rupiah
 * approved of the ceiling; people running their business of those visited at 6 or 12 months).
 * {@code people} is the count of people a percentage rests on: under 5 it is suppressed for
 * partners as the counts are.
 */
public enum Indicator {
    REGISTERED(Figure.REGISTERED),
    VERIFIED(Figure.VERIFIED),
    TRAINING_COMPLETED(Figure.TRAINING_COMPLETED),
    TRAINING_ENROLLED(Figure.TRAINING_ENROLLED),
    PROPOSALS_SUBMITTED(Figure.PROPOSALS_SUBMITTED),
    PROPOSALS_APPROVED(Figure.PROPOSALS_APPROVED),
    PROPOSALS_HANDED_OVER(Figure.PROPOSALS_HANDED_OVER),
    ABSORPTION_PCT(Figure.APPROVED_RUPIAH, Figure.CEILING_RUPIAH, Figure.PROPOSALS_APPROVED),
    VISITS_DONE(Figure.VISITS_DONE),
    VISITS_DUE(Figure.VISITS_DUE),
    VISITS_OVERDUE(Figure.VISITS_OVERDUE),
    RUNNING_6M_PCT(Figure.RUNNING_6M, Figure.VISITED_6M, Figure.VISITED_6M),
    RUNNING_12M_PCT(Figure.RUNNING_12M, Figure.VISITED_12M, Figure.VISITED_12M),
    OPEN_FLAGS(Figure.OPEN_FLAGS);

    private final Figure figure;
    private final Figure of;
    private final Figure people;

    Indicator(Figure figure) {
        this(figure, null, figure);
    }

    Indicator(Figure figure, Figure of, Figure people) {
        this.figure = figure;
        this.of = of;
        this.people = people;
    }

    /** The counted figure (the numerator of a percentage). */
    public Figure figure() {
        return figure;
    }

    /** The denominator of a percentage, or null for a count. */
    public Figure of() {
        return of;
    }

    public boolean percentage() {
        return of != null;
    }

    /** The people a cell rests on, for the small-cell rule. */
    Figure people() {
        return people;
    }
}
