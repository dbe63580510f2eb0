package id.berdaya.monitoring.ledger;

/** What an item handed over is for the ledger: livestock (counted per head: born, sold, died, consumed) or equipment and goods (in use, sold, broken, lost). */
public enum AssetKind {
    LIVESTOCK, GOODS;

    /** Livestock is what is counted per head ("ekor"). */
    public static AssetKind ofUnit(String unit) {
        return "ekor".equalsIgnoreCase(unit) ? LIVESTOCK : GOODS;
    }
}
