package id.berdaya.monitoring;

import id.berdaya.core.audit.AuditAction;

/** Audited actions of the monitoring module. The stored code is the constant's name. */
public enum MonitoringAction implements AuditAction {

    MONITORING_OFFSETS_SET,
    MONITORING_AREA_ASSIGNED,
    MONITORING_SCHEDULED,
    MONITORING_WITHDRAWN,
    MONITORING_VISIT_RESCHEDULED,
    MONITORING_VISIT_REASSIGNED,
    MONITORING_VISIT_RECORDED,
    MONITORING_VISITS_EXPORTED,
    MONITORING_FLAG_RAISED,
    MONITORING_FLAGS_VIEWED,
    MONITORING_FLAG_CLOSED,
    MONITORING_OUTCOME_DECIDED,
    MONITORING_SYNTHETIC_GENERATED,
    /* the province's picture: its exports (stored codes kept from the former ReportingAction) */
    SCORECARD_EXPORTED,
    REPORT_EXPORTED;

    @Override
    public String code() {
        return name();
    }
}
