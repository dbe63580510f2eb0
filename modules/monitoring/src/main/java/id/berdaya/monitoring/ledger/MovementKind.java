package id.berdaya.monitoring.ledger;

/** A movement of the asset ledger: the handover adds, a birth adds, the others take away. */
public enum MovementKind {
    HANDED_OVER, BORN, SOLD, DIED, CONSUMED, BROKEN, LOST;

    /** Whether the movement adds to the balance. */
    public boolean adds() {
        return this == HANDED_OVER || this == BORN;
    }
}
