package id.berdaya.monitoring.ledger;

/** An item handed over, with its balance now: livestock alive, or goods still in use. */
public record Asset(long id, long caseId, String name, String unit, AssetKind kind, int handedQuantity, int balance) {
}
