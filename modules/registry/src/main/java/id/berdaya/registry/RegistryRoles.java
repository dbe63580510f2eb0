package id.berdaya.registry;

/**
 * Who may do what in the register: the method-security expressions of its services, in one
 * place so that every feature package (and the views' tests) reads the same list.
 */
public final class RegistryRoles {

    /** Everyone who reads the register (not PARTNER: partner agencies never reach it). */
    public static final String READERS = "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER')";
    /** Register and correct beneficiaries (district operators, own district). */
    public static final String REGISTRARS = "hasRole('DISTRICT_OPERATOR')";
    /** Verify or return a registration. */
    public static final String VERIFIERS = "hasAnyRole('DISTRICT_HEAD','PROVINCE_OFFICER')";
    /** The provincial verifiers who review possible duplicates. */
    public static final String REVIEWERS = "hasRole('PROVINCE_OFFICER')";
    /** Export lists (not field officers). */
    public static final String EXPORTERS = "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR')";
    /** Upload a beneficiary's documents. */
    public static final String DOCUMENT_UPLOADERS = "hasAnyRole('DISTRICT_OPERATOR','DISTRICT_HEAD')";
    /** End a person's programme with monitoring's outcome: who records the 12-month visit, the district head, provincial officers. */
    public static final String PROGRAMME_CLOSERS = "hasAnyRole('PROVINCE_OFFICER','DISTRICT_HEAD','FIELD_OFFICER')";
    /** Keep the province's reference lists (the PPKS categories). */
    public static final String ADMINISTRATORS = "hasRole('PROVINCE_ADMIN')";

    private RegistryRoles() {
    }
}
