package id.berdaya.core.audit;

/** Entity types of core's audit events. The stored code is the constant's name. */
public enum CoreEntity implements AuditEntity {

    /** A user account; its id is the account id, or the user name as typed for sign-in events. */
    USER,
    /** A screen of the application; its id is the path, e.g. {@code /pengguna}. */
    ROUTE,
    METHOD,
    /** The audit trail itself (its export). */
    AUDIT_EVENT,
    /** A kabupaten/kota of the region reference data. */
    REGION;

    @Override
    public String code() {
        return name();
    }
}
