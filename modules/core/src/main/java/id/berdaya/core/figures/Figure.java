package id.berdaya.core.figures;

/**
 * One count on the scorecards (the province's Beranda per kabupaten/kota, a district's per
 * kecamatan) or on a chart. Each scorecard figure has exactly one {@link FigureSource} that
 * provides it; the scorecard asks every source and joins their answers. The chart's figures
 * ({@code VISITS_BY_DUE_MONTH*}) are read from {@link FigureCounts} by monitoring's trend.
 */
public enum Figure {
    /** People in the register (any status but merged/deleted). */
    REGISTERED,
    /** Verified people (status verified or later in the programme). */
    VERIFIED,
    /** Enrolments in trainings. */
    TRAINING_ENROLLED,
    /** Enrolments that completed their training. */
    TRAINING_COMPLETED,
    /** Proposals submitted (any state after draft, returned ones counted once). */
    PROPOSALS_SUBMITTED,
    /** Proposals approved by the province (and later handed over). */
    PROPOSALS_APPROVED,
    /** Proposals handed over (BAST recorded, not voided). */
    PROPOSALS_HANDED_OVER,
    /** The ceilings (pagu) of the budget year, in rupiah. */
    CEILING_RUPIAH,
    /** The province-approved total of the budget year, in rupiah (absorption = this / ceiling). */
    APPROVED_RUPIAH,
    /** Monitoring visits done. */
    VISITS_DONE,
    /** Monitoring visits due and not yet late (due date today or within the coming 7 days). */
    VISITS_DUE,
    /** Monitoring visits past their due date and not done. */
    VISITS_OVERDUE,
    /** People whose 6-month visit is done. */
    VISITED_6M,
    /** People whose 6-month visit found the business running. */
    RUNNING_6M,
    /** People whose 12-month visit is done. */
    VISITED_12M,
    /** People whose 12-month visit found the business running. */
    RUNNING_12M,
    /** Open reintegration risk flags (counts only, never who). */
    OPEN_FLAGS,
    /** People who graduated at 12 months. */
    GRADUATED,
    /** Monitoring visits counted in the month they are due (the chart "visits done against due"; not on the scorecards). */
    VISITS_BY_DUE_MONTH,
    /** Of those, the visits done (whenever they were done). */
    VISITS_BY_DUE_MONTH_DONE
}
