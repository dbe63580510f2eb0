package id.berdaya.core.audit;

/** Audited actions of core: sign-in, accounts, denials and exports. The stored code is the constant's name. */
public enum CoreAction implements AuditAction {

    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    ACCOUNT_LOCKED,
    LOGOUT,
    /** A screen (route) the user may not open; the UI answers "not found". */
    ACCESS_DENIED,
    /** A record of another district asked for by id; written so that both districts see it. */
    SCOPE_DENIED,
    USER_CREATED,
    USER_UPDATED,
    USER_DISABLED,
    USER_ENABLED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    PASSWORD_CHANGE_FAILED,
    LOCALE_CHANGED,
    FIRST_ADMIN_CREATED,
    AUDIT_EXPORTED,
    USERS_EXPORTED,
    REGIONS_EXPORTED;

    @Override
    public String code() {
        return name();
    }
}
