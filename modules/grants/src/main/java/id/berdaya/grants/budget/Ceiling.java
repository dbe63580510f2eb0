package id.berdaya.grants.budget;

/** The ceiling (pagu) of a kabupaten/kota in a budget year, in whole rupiah. */
public record Ceiling(long id, String kabkotaCode, int budgetYear, long pagu, int version) {
}
