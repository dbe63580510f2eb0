package id.berdaya.grants.budget;

/**
 * A district's budget of a year, read with its ceiling row locked until the caller's transaction
 * ends: approvals of the same district and year queue behind each other.
 *
 * @param pagu         the district's ceiling (rupiah)
 * @param perPersonMax the year's maximum per person (rupiah)
 */
public record BudgetLock(String kabkotaCode, int budgetYear, long pagu, long perPersonMax) {
}
