package id.berdaya.registry;

/**
 * Where a beneficiary stands: registered → verified → active in programme → graduated / exited;
 * also moved, deceased; and merged (a duplicate folded into another record, kept for its history).
 */
public enum BeneficiaryStatus {
    REGISTERED, VERIFIED, ACTIVE, GRADUATED, EXITED, MOVED, DECEASED, MERGED
}
