package id.berdaya.core.audit;

import java.time.Instant;

/** One row of the audit trail as the UI shows it. {@code oldValue}/{@code newValue} are JSON or null. */
public record AuditEntry(long id, Instant occurredAt, String username, String role, String kabkotaCode,
                         String action, String entityType, String entityId, String oldValue, String newValue,
                         String clientAddress) {
}
