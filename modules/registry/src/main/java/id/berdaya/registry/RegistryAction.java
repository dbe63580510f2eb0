package id.berdaya.registry;

import id.berdaya.core.audit.AuditAction;

/** Audited actions of the register; {@link #code()} is what {@code audit_event.action} stores. */
public enum RegistryAction implements AuditAction {

    REGISTERED("BENEFICIARY_REGISTERED"),
    VIEWED("BENEFICIARY_VIEWED"),
    NIK_REVEALED("BENEFICIARY_NIK_REVEALED"),
    /** The full KK number shown for a stated reason (the reason is kept, never the number). */
    KK_REVEALED("BENEFICIARY_KK_REVEALED"),
    VERIFIED("BENEFICIARY_VERIFIED"),
    UPDATED("BENEFICIARY_UPDATED"),
    STATUS_CHANGED("BENEFICIARY_STATUS_CHANGED"),
    RETURNED("BENEFICIARY_RETURNED"),
    EXPORTED("BENEFICIARIES_EXPORTED"),
    DUPLICATE_REFUSED("BENEFICIARY_DUPLICATE_REFUSED"),
    /** A NIK typed or imported by a district user is registered in another district (detail: the NIK's keyed hash, never the NIK or the district). */
    NIK_FOUND_ELSEWHERE("BENEFICIARY_NIK_FOUND_ELSEWHERE"),
    /** A user went past the daily number of foreign NIK matches: an alert for the province administrators. */
    FOREIGN_NIK_LIMIT_REACHED("BENEFICIARY_FOREIGN_NIK_LIMIT_REACHED"),
    DOCUMENT_UPLOADED("BENEFICIARY_DOCUMENT_UPLOADED"),
    DOCUMENT_DOWNLOADED("BENEFICIARY_DOCUMENT_DOWNLOADED"),
    MERGED("BENEFICIARY_MERGED"),
    DUPLICATE_DISMISSED("BENEFICIARY_DUPLICATE_DISMISSED"),
    CATEGORY_ADDED("CATEGORY_ADDED"),
    CATEGORY_CHANGED("CATEGORY_CHANGED"),
    /** One event per import batch and step, with the file's hash and the counts (not one event per imported row). */
    IMPORT_PREVIEWED("BENEFICIARY_IMPORT_PREVIEWED"),
    IMPORT_REFUSED("BENEFICIARY_IMPORT_REFUSED"),
    IMPORT_STARTED("BENEFICIARY_IMPORT_STARTED"),
    IMPORTED("BENEFICIARIES_IMPORTED"),
    IMPORT_FAILED("BENEFICIARY_IMPORT_FAILED"),
    IMPORT_INTERRUPTED("BENEFICIARY_IMPORT_INTERRUPTED"),
    IMPORT_DISCARDED("BENEFICIARY_IMPORT_DISCARDED"),
    IMPORT_REJECTS_EXPORTED("BENEFICIARY_IMPORT_REJECTS_EXPORTED"),
    /** Synthetic beneficiaries written by the generator or the demo seeding (one event per run). */
    SYNTHETIC_GENERATED("BENEFICIARIES_SYNTHETIC_GENERATED");

    private final String code;

    RegistryAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
