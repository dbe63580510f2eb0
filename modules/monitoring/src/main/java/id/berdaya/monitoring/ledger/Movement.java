package id.berdaya.monitoring.ledger;

import java.time.LocalDate;

/** One line of a person's asset ledger; {@code price} in rupiah (a sale's total), {@code cause} of a death, breakage or loss. */
public record Movement(long id, long assetId, String assetName, String unit, Long visitId, MovementKind kind, int quantity,
                       Long price, String cause, int balanceAfter, LocalDate movedOn) {
}
