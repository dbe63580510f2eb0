package id.berdaya.core.audit;

import java.time.Instant;

/**
 * One row of the audit trail as the UI shows it. {@code oldValue}/{@code newValue} are JSON or null.
 * {@code action} and {@code entityType} are the stored codes of an {@link AuditAction} and an
 * {@link AuditEntity}; {@code subjectKabkotaCode} is the second district that sees the event
 * (the one whose record was probed), or null.
 */
public record AuditEntry(long id, Instant occurredAt, String username, String role, String kabkotaCode,
                         String subjectKabkotaCode, String action, String entityType, String entityId, String oldValue, String newValue,
                         String clientAddress) {
}
