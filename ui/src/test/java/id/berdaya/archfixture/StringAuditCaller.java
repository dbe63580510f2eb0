package id.berdaya.archfixture;

import id.berdaya.core.audit.AuditLog;

/** Deliberately broken (architecture test fixture): audits with bare Strings instead of a typed event. */
public class StringAuditCaller {

    @SuppressWarnings("removal")
    public void registered(AuditLog audit, long id) {
        audit.record("BENEFICIARY_REGISTERED", "BENEFICIARY", id, "33.03", null, null);
    }
}
