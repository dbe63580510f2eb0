package id.berdaya.core.audit;

/**
 * An audited action. Each module declares its actions as an enum implementing this interface
 * ({@link CoreAction} here, {@code RegistryAction} in the register); {@link #code()} is what is
 * stored in {@code audit_event.action} and the key of its label ({@code audit.action.<code>}).
 */
public interface AuditAction {

    /** The stored code, e.g. {@code USER_CREATED}; unique across modules. */
    String code();
}
