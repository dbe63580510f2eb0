package id.berdaya.monitoring;

import id.berdaya.core.audit.AuditAction;

/** Audit actions of the province's picture: the scorecards' and reports' exports. The stored code is the constant's name. */
public enum ReportingAction implements AuditAction {

    SCORECARD_EXPORTED,
    REPORT_EXPORTED;

    @Override
    public String code() {
        return name();
    }
}
