package id.berdaya.archfixture;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.tables.records.AuditEventRecord;
import org.jooq.DSLContext;

import static id.berdaya.db.Tables.AUDIT_EVENT;

/** Deliberately broken (architecture test fixture): an unscoped read that docs/architecture.md does not list. */
public class UndocumentedUnscopedRepository extends DistrictScopedRepository<AuditEventRecord> {

    public UndocumentedUnscopedRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, AUDIT_EVENT, AUDIT_EVENT.KABKOTA_CODE, AUDIT_EVENT.ID, CoreEntity.AUDIT_EVENT);
    }

    public int everyone() {
        return unscoped(UnscopedReason.DUPLICATE_CANDIDATES).fetchCount(AUDIT_EVENT);
    }
}
