package id.berdaya.grants.proposal;

/** The kind of small business (jenis usaha) a proposal is for. */
public enum BusinessType {
    GOAT_SHEEP, CATTLE, POULTRY, FISH, GROCERY_STALL, FOOD_STALL, FOOD_PROCESSING, SEWING, SALON, WORKSHOP, OTHER
}
