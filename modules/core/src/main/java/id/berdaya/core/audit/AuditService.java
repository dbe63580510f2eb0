package id.berdaya.core.audit;

import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import org.jooq.Condition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Reading the audit trail. District scope applies (a district user sees their district's
 * events); field officers and partners see only their own actions.
 */
@Service
@Transactional
public class AuditService {

    private final AuditRepository repository;
    private final AuditLog audit;

    AuditService(AuditRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** The newest events the current user may see (for the home page). */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEntry> latest(int limit) {
        return repository.page(ownOnly(), 0, Math.min(Math.max(limit, 1), 100));
    }

    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return repository.page(AuditRepository.matching(filter).and(ownOnly()), offset, limit);
    }

    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public int count(AuditFilter filter) {
        return repository.count(AuditRepository.matching(filter).and(ownOnly()));
    }

    /** One event, if the current user may see it; another district's is "not found" (and audited). */
    @PreAuthorize("isAuthenticated()")
    public Optional<AuditEntry> find(long id) {
        return repository.find(id).filter(e -> ownOnlyAllows(e));
    }

    /** Writes the events matching the filter as XLSX in the caller's layout, streamed, and audits the export. */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public int export(AuditFilter filter, AuditSheet layout, OutputStream out) {
        int[] rows = {0};
        try (XlsxExport xlsx = new XlsxExport(out, layout.name(), layout.headers())) {
            repository.forEach(AuditRepository.matching(filter).and(ownOnly()), e -> {
                xlsx.row(layout.cells().apply(e).toArray());
                rows[0]++;
            });
        }
        audit.record(AuditEvent.of(CoreAction.AUDIT_EXPORTED).entity(CoreEntity.AUDIT_EVENT, null)
                .after(Map.of("filter", filter.toString(), "rows", rows[0])));
        return rows[0];
    }

    /**
     * The history of one record (its audit events, newest first), as far as the current user may
     * see the trail: the caller must already have been allowed to see the record itself.
     */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEntry> history(String entityType, String entityId, int limit) {
        return repository.page(AuditRepository.about(entityType, entityId).and(ownOnly()), 0, Math.min(Math.max(limit, 1), 500));
    }

    /** Records that the current user was refused a screen (the UI answers "not found"). */
    @PreAuthorize("isAuthenticated()")
    public void recordAccessDenied(String route) {
        audit.recordDenial(AuditEvent.of(CoreAction.ACCESS_DENIED).entity(CoreEntity.ROUTE, route));
    }

    private static Condition ownOnly() {
        BerdayaUser u = CurrentUser.require();
        return seesOnlyOwnActions(u.role()) ? AuditRepository.actionsOf(u.getUsername()) : org.jooq.impl.DSL.noCondition();
    }

    private static boolean ownOnlyAllows(AuditEntry e) {
        BerdayaUser u = CurrentUser.require();
        return !seesOnlyOwnActions(u.role()) || u.getUsername().equals(e.username());
    }

    private static boolean seesOnlyOwnActions(Role role) {
        return role == Role.FIELD_OFFICER || role == Role.PARTNER;
    }
}
