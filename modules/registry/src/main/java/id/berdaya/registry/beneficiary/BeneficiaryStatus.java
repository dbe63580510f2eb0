package id.berdaya.registry.beneficiary;

/**
 * Where a beneficiary stands: registered → verified → active in programme → graduated / exited;
 * also moved, deceased; and merged (a duplicate folded into another record, kept for its history).
 */
public enum BeneficiaryStatus {
    REGISTERED, VERIFIED, ACTIVE, GRADUATED, EXITED, MOVED, DECEASED, MERGED;

    /** Whether the record is still in the programme's flow (not graduated, exited, moved, deceased or merged). */
    public boolean open() {
        return this == REGISTERED || this == VERIFIED || this == ACTIVE;
    }

    /** Whether the operator may still correct the record (registration and correction check this). */
    public boolean correctable() {
        return this == REGISTERED || this == VERIFIED;
    }

    /** Whether the record waits for verification: it may be verified or returned for revision. */
    public boolean awaitsVerification() {
        return this == REGISTERED;
    }

    /**
     * The status changes a verifier may make: verified → active → graduated or exited; any open
     * record → moved or deceased. (Verification itself and merging have their own actions.)
     */
    public boolean canMoveTo(BeneficiaryStatus to) {
        if (to == null || to == this) {
            return false;
        }
        return switch (to) {
            case ACTIVE -> this == VERIFIED;
            case GRADUATED, EXITED -> this == ACTIVE;
            case MOVED, DECEASED -> open();
            default -> false;
        };
    }

    /** The statuses this one may move to by a status change. */
    public java.util.List<BeneficiaryStatus> next() {
        return java.util.Arrays.stream(values()).filter(this::canMoveTo).toList();
    }
}
