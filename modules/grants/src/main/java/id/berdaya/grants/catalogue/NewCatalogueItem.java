package id.berdaya.grants.catalogue;

/** A catalogue item as the form enters it; {@code unitPrice} in whole rupiah. */
public record NewCatalogueItem(int budgetYear, String name, ItemGroup group, Unit unit, long unitPrice, boolean active) {
}
