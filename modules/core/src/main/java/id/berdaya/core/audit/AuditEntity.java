package id.berdaya.core.audit;

/**
 * The kind of record an audited action touched. Each module declares its entity types as an
 * enum implementing this interface ({@link CoreEntity} here); {@link #code()} is what is stored
 * in {@code audit_event.entity_type} and the key of its label ({@code audit.entity.<code>}).
 */
public interface AuditEntity {

    /** The stored code, e.g. {@code USER}. */
    String code();
}
