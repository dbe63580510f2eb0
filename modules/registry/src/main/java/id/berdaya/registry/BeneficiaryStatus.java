package id.berdaya.registry;

/** Where a beneficiary stands: registered → verified → active in programme → graduated / exited; also moved, deceased. */
public enum BeneficiaryStatus {
    REGISTERED, VERIFIED, ACTIVE, GRADUATED, EXITED, MOVED, DECEASED
}
