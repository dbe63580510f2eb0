package id.berdaya.core.audit;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
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

    /** An action of the current user; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event) {
        BerdayaUser actor = CurrentUser.get().orElse(null);
        insert(actor == null ? null : actor.getUsername(), actor == null ? null : actor.role().name(),
                event.district() != null ? event.district() : actor == null ? null : actor.kabkotaCode(), event);
    }

    /**
     * A refusal (out of scope, access denied), committed on its own whatever the caller does
     * next. It belongs to the acting user's district; {@link AuditEvent#subjectDistrict} names
     * the district whose record was asked for, which sees it too.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDenial(AuditEvent event) {
        BerdayaUser actor = CurrentUser.get().orElse(null);
        insert(actor == null ? null : actor.getUsername(), actor == null ? null : actor.role().name(),
                actor == null ? event.district() : actor.kabkotaCode(), event);
    }

    /** An event of a named user outside a security context (sign-in), committed on its own; {@code role} may be null. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(String username, Role role, String kabkota, AuditEvent event) {
        insert(username, role == null ? null : role.name(), kabkota, event);
    }

    private void insert(String username, String role, String kabkota, AuditEvent e) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .set(AUDIT_EVENT.USERNAME, truncate(username, 64))
                .set(AUDIT_EVENT.USER_ROLE, role)
                .set(AUDIT_EVENT.KABKOTA_CODE, kabkota)
                .set(AUDIT_EVENT.SUBJECT_KABKOTA_CODE, e.subjectDistrict())
                .set(AUDIT_EVENT.ACTION, e.action().code())
                .set(AUDIT_EVENT.ENTITY_TYPE, e.entity() == null ? null : e.entity().code())
                .set(AUDIT_EVENT.ENTITY_ID, truncate(e.entityId(), 64))
                .set(AUDIT_EVENT.OLD_VALUE, toJson(e.before()))
                .set(AUDIT_EVENT.NEW_VALUE, toJson(e.after()))
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
