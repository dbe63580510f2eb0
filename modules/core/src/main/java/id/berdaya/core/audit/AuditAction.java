package id.berdaya.core.audit;

/** Names of audited actions (stored in {@code audit_event.action}). Feature modules add their own. */
public final class AuditAction {

    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGIN_LOCKED = "LOGIN_LOCKED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String LOGOUT = "LOGOUT";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String SCOPE_DENIED = "SCOPE_DENIED";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_UPDATED = "USER_UPDATED";
    public static final String USER_DISABLED = "USER_DISABLED";
    public static final String USER_ENABLED = "USER_ENABLED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_CHANGE_FAILED = "PASSWORD_CHANGE_FAILED";
    public static final String LOCALE_CHANGED = "LOCALE_CHANGED";
    public static final String FIRST_ADMIN_CREATED = "FIRST_ADMIN_CREATED";
    public static final String AUDIT_EXPORTED = "AUDIT_EXPORTED";
    public static final String USERS_EXPORTED = "USERS_EXPORTED";
    public static final String REGIONS_EXPORTED = "REGIONS_EXPORTED";

    private AuditAction() {
    }
}
