package id.berdaya.registry;

/** Audited actions of the register. */
public final class RegistryAction {

    public static final String REGISTERED = "BENEFICIARY_REGISTERED";
    public static final String VIEWED = "BENEFICIARY_VIEWED";
    public static final String NIK_REVEALED = "BENEFICIARY_NIK_REVEALED";
    public static final String VERIFIED = "BENEFICIARY_VERIFIED";
    public static final String RETURNED = "BENEFICIARY_RETURNED";
    public static final String EXPORTED = "BENEFICIARIES_EXPORTED";
    public static final String DUPLICATE_REFUSED = "BENEFICIARY_DUPLICATE_REFUSED";

    private RegistryAction() {
    }
}
