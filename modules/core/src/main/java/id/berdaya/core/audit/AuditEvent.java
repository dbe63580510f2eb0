package id.berdaya.core.audit;

import java.util.Objects;

/**
 * One audit event to write, built fluently and immutable:
 * <pre>{@code
 * audit.record(AuditEvent.of(CoreAction.USER_UPDATED).entity(CoreEntity.USER, id)
 *         .district(kabkota).before(old).after(changed));
 * }</pre>
 *
 * @param action          what happened
 * @param entity          the kind of record it happened to, or null
 * @param entityId        that record's id (a path for a route), or null
 * @param district        the district the event belongs to (the record's); null means the acting user's
 * @param subjectDistrict a second district that must also see the event: the one whose record
 *                        another district's user probed ({@link CoreAction#SCOPE_DENIED}); or null
 * @param before          the old value (written as JSON), or null
 * @param after           the new value or the detail (written as JSON), or null
 */
public record AuditEvent(AuditAction action, AuditEntity entity, String entityId, String district,
                         String subjectDistrict, Object before, Object after) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
    }

    /** An event of this action, about nothing in particular yet. */
    public static AuditEvent of(AuditAction action) {
        return new AuditEvent(action, null, null, null, null, null, null);
    }

    /** About this record ({@code id} may be null for an action on many, e.g. an export). */
    public AuditEvent entity(AuditEntity type, Object id) {
        return new AuditEvent(action, type, id == null ? null : String.valueOf(id), district, subjectDistrict, before, after);
    }

    /** Belongs to this district (the touched record's); null leaves it to the acting user's. */
    public AuditEvent district(String kabkota) {
        return new AuditEvent(action, entity, entityId, kabkota, subjectDistrict, before, after);
    }

    /** Also visible to this district, e.g. the one whose record was probed. */
    public AuditEvent subjectDistrict(String kabkota) {
        return new AuditEvent(action, entity, entityId, district, kabkota, before, after);
    }

    /** The value before the change. */
    public AuditEvent before(Object value) {
        return new AuditEvent(action, entity, entityId, district, subjectDistrict, value, after);
    }

    /** The value after the change, or the detail of an event that changes nothing. */
    public AuditEvent after(Object value) {
        return new AuditEvent(action, entity, entityId, district, subjectDistrict, before, value);
    }
}
