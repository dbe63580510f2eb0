package id.berdaya.monitoring.ledger;

/**
 * What a visit found of one item: the movements since the last visit and, if counted, how many
 * are there now (livestock alive / goods in use), checked against the ledger. Livestock takes
 * born, sold, died and consumed; goods take sold, broken and lost. A sale needs its price, a
 * death, breakage or loss its cause.
 *
 * @param counted how many the officer counted (null: not counted)
 */
public record AssetReport(long assetId, int born, int sold, Long salePrice, int died, String deathCause, int consumed,
                          int broken, int lost, String lossCause, Integer counted) {

    /** Nothing happened to this item. */
    public static AssetReport none(long assetId) {
        return new AssetReport(assetId, 0, 0, null, 0, null, 0, 0, 0, null, null);
    }
}
