package id.berdaya.registry;

import id.berdaya.core.audit.AuditEntity;

/** Entity types of the register's audit events. The stored code is the constant's name. */
public enum RegistryEntity implements AuditEntity {

    /** A person in the register; the id is the beneficiary id. */
    BENEFICIARY,
    /** A document of a beneficiary. */
    BENEFICIARY_DOCUMENT,
    /** A possible-duplicate pair. */
    BENEFICIARY_DUPLICATE,
    /** One import file (preview, commit, rejected rows). */
    IMPORT_BATCH,
    /** A category (jenis PPKS) of the register's vocabulary. */
    CATEGORY;

    @Override
    public String code() {
        return name();
    }
}
