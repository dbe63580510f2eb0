package id.berdaya.core.audit;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static id.berdaya.db.Tables.AUDIT_EVENT;

/**
 * Writes the append-only audit trail. Called by services, never by views (an architecture test
 * keeps it so). A write joins the caller's transaction, so an action and its audit row commit
 * or roll back together; denials and login events are written in their own transaction so they
 * survive the failure they record.
 */
@Component
public class AuditLog {

    private final DSLContext dsl;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    /** An action of the current user on an entity of a district ({@code entityKabkota} may be null). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, String entityKabkota, Object oldValue, Object newValue) {
        BerdayaUser actor = CurrentUser.get().orElse(null);
        insert(actor == null ? null : actor.getUsername(), actor == null ? null : actor.role().name(),
                entityKabkota != null ? entityKabkota : actor == null ? null : actor.kabkotaCode(),
                action, entityType, entityId, oldValue, newValue);
    }

    /** A refusal (out of scope, access denied): committed on its own, whatever the caller does next. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDenial(String action, String entityType, Object entityId, String entityKabkota, Object detail) {
        BerdayaUser actor = CurrentUser.get().orElse(null);
        insert(actor == null ? null : actor.getUsername(), actor == null ? null : actor.role().name(),
                actor == null ? entityKabkota : actor.kabkotaCode(), action, entityType, entityId, null, detail);
    }

    /** An event of a named user outside a security context (logins), committed on its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(String username, String role, String kabkota, String action, Object detail) {
        insert(username, role, kabkota, action, "USER", username, null, detail);
    }

    private void insert(String username, String role, String kabkota, String action, String entityType,
                        Object entityId, Object oldValue, Object newValue) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .set(AUDIT_EVENT.USERNAME, truncate(username, 64))
                .set(AUDIT_EVENT.USER_ROLE, role)
                .set(AUDIT_EVENT.KABKOTA_CODE, kabkota)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ENTITY_TYPE, entityType)
                .set(AUDIT_EVENT.ENTITY_ID, entityId == null ? null : truncate(String.valueOf(entityId), 64))
                .set(AUDIT_EVENT.OLD_VALUE, toJson(oldValue))
                .set(AUDIT_EVENT.NEW_VALUE, toJson(newValue))
                .set(AUDIT_EVENT.CLIENT_ADDRESS, clientAddress())
                .execute();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return json.writeValueAsString(value);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The address of the HTTP request being served, if any (Vaadin requests included). */
    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return null;
    }
}
