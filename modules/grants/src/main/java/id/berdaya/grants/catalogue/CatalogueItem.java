package id.berdaya.grants.catalogue;

/** An item of the unit-price catalogue of one budget year; {@code unitPrice} in whole rupiah. */
public record CatalogueItem(long id, int budgetYear, String name, ItemGroup group, Unit unit, long unitPrice, boolean active,
                            int version) {
}
