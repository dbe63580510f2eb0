package id.berdaya.core.audit;

import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.AuditEventRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static id.berdaya.db.Tables.AUDIT_EVENT;

@Repository
class AuditRepository extends DistrictScopedRepository<AuditEventRecord> {

    AuditRepository(DSLContext dsl, DistrictScope scope) {
        // an event is visible to its own district and to the one whose record it names (a probe)
        super(dsl, scope, AUDIT_EVENT, AUDIT_EVENT.KABKOTA_CODE, AUDIT_EVENT.ID, CoreEntity.AUDIT_EVENT,
                AUDIT_EVENT.SUBJECT_KABKOTA_CODE);
    }

    List<AuditEntry> page(Condition condition, int offset, int limit) {
        return selectVisible(condition)
                .orderBy(AUDIT_EVENT.ID.desc())
                .offset(offset).limit(limit)
                .fetch(AuditRepository::toEntry);
    }

    int count(Condition condition) {
        return countVisible(condition);
    }

    Optional<AuditEntry> find(long id) {
        return findVisible(id).map(AuditRepository::toEntry);
    }

    void forEach(Condition condition, Consumer<AuditEntry> consumer) {
        try (var cursor = selectVisible(condition).orderBy(AUDIT_EVENT.ID.desc()).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> consumer.accept(toEntry(r)));
        }
    }

    static Condition about(String entityType, String entityId) {
        return AUDIT_EVENT.ENTITY_TYPE.eq(entityType).and(AUDIT_EVENT.ENTITY_ID.eq(entityId));
    }

    static Condition actionsOf(String username) {
        return AUDIT_EVENT.USERNAME.eq(username);
    }

    static Condition matching(AuditFilter f) {
        Condition c = DSL.noCondition();
        if (f.username() != null && !f.username().isBlank()) {
            c = c.and(AUDIT_EVENT.USERNAME.eq(f.username().trim()));
        }
        if (f.action() != null && !f.action().isBlank()) {
            c = c.and(AUDIT_EVENT.ACTION.eq(f.action()));
        }
        if (f.kabkotaCode() != null && !f.kabkotaCode().isBlank()) {
            c = c.and(AUDIT_EVENT.KABKOTA_CODE.eq(f.kabkotaCode()).or(AUDIT_EVENT.SUBJECT_KABKOTA_CODE.eq(f.kabkotaCode())));
        }
        if (f.from() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.ge(f.from().atStartOfDay(IndonesianFormat.WIB)
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()));
        }
        if (f.to() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.lt(f.to().plusDays(1).atStartOfDay(IndonesianFormat.WIB)
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()));
        }
        return c;
    }

    private static AuditEntry toEntry(AuditEventRecord r) {
        return new AuditEntry(r.getId(), r.getOccurredAt().toInstant(ZoneOffset.UTC), r.getUsername(), r.getUserRole(),
                r.getKabkotaCode(), r.getSubjectKabkotaCode(), r.getAction(), r.getEntityType(), r.getEntityId(), r.getOldValue(), r.getNewValue(),
                r.getClientAddress());
    }
}
