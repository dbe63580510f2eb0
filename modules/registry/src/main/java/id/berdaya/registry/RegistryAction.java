package id.berdaya.registry;

/** Audited actions of the register. */
public final class RegistryAction {

    public static final String REGISTERED = "BENEFICIARY_REGISTERED";
    public static final String VIEWED = "BENEFICIARY_VIEWED";
    public static final String NIK_REVEALED = "BENEFICIARY_NIK_REVEALED";
    public static final String VERIFIED = "BENEFICIARY_VERIFIED";
    public static final String UPDATED = "BENEFICIARY_UPDATED";
    public static final String STATUS_CHANGED = "BENEFICIARY_STATUS_CHANGED";
    public static final String RETURNED = "BENEFICIARY_RETURNED";
    public static final String EXPORTED = "BENEFICIARIES_EXPORTED";
    public static final String DUPLICATE_REFUSED = "BENEFICIARY_DUPLICATE_REFUSED";
    public static final String DOCUMENT_UPLOADED = "BENEFICIARY_DOCUMENT_UPLOADED";
    public static final String DOCUMENT_DOWNLOADED = "BENEFICIARY_DOCUMENT_DOWNLOADED";
    public static final String MERGED = "BENEFICIARY_MERGED";
    public static final String DUPLICATE_DISMISSED = "BENEFICIARY_DUPLICATE_DISMISSED";
    public static final String CATEGORY_ADDED = "CATEGORY_ADDED";
    public static final String CATEGORY_CHANGED = "CATEGORY_CHANGED";
    /** One event per import batch and step, with the file's hash and the counts (not one event per imported row). */
    public static final String IMPORT_PREVIEWED = "BENEFICIARY_IMPORT_PREVIEWED";
    public static final String IMPORT_REFUSED = "BENEFICIARY_IMPORT_REFUSED";
    public static final String IMPORT_STARTED = "BENEFICIARY_IMPORT_STARTED";
    public static final String IMPORTED = "BENEFICIARIES_IMPORTED";
    public static final String IMPORT_FAILED = "BENEFICIARY_IMPORT_FAILED";
    public static final String IMPORT_INTERRUPTED = "BENEFICIARY_IMPORT_INTERRUPTED";
    public static final String IMPORT_DISCARDED = "BENEFICIARY_IMPORT_DISCARDED";
    public static final String IMPORT_REJECTS_EXPORTED = "BENEFICIARY_IMPORT_REJECTS_EXPORTED";
    /** Synthetic beneficiaries written by the generator or the demo seeding (one event per run). */
    public static final String SYNTHETIC_GENERATED = "BENEFICIARIES_SYNTHETIC_GENERATED";

    private RegistryAction() {
    }
}
