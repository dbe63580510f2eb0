package id.berdaya.core.scope;

/**
 * Why a repository steps outside the district scope. Each constant names one deliberate unscoped
 * read (or system write); {@link DistrictScopedRepository#unscoped(UnscopedReason)} is the only
 * door to the raw {@code DSLContext}, and docs/architecture.md lists every caller with its reason
 * (an architecture test compares the two).
 */
public enum UnscopedReason {
    /** Only where a NIK is registered, so that a second registration is refused without showing the person. */
    NIK_REGISTERED_ELSEWHERE,
    /** Records alike (normalised name and birth date) in any district, queued for the provincial review. */
    DUPLICATE_CANDIDATES,
    /** The register list renders the scope into its SQL itself, once per shape (ADR 0004; checked by ListShapeTest). */
    LIST_RENDERS_ITS_SCOPE,
    /** Whether the same file is being imported right now, by anyone. */
    IMPORT_FILE_RUNNING,
    /** A batch by id (its counts, state and problem rows) after the service read it within scope. */
    IMPORT_BATCH_CHECKED,
    /** The bulk load of an import's checked rows (each row's district was checked against the user's). */
    IMPORT_LOAD,
    /** Housekeeping without a user: imports cut off by a restart, previews nobody committed. */
    IMPORT_RECOVERY,
    /** The synthetic data generator and the demo seeding (no user, province-wide). */
    SYNTHETIC_GENERATOR,
    /** The public check of a certificate by its unguessable code (no user): only what the certificate itself shows. */
    CERTIFICATE_CHECK,
    /** The public check of a handover record (BAST) by its unguessable code (no user): number, date, kabupaten/kota, validity. */
    HANDOVER_CHECK
}
