package id.berdaya.monitoring;

import id.berdaya.core.audit.AuditEntity;

/** Entity types of the monitoring module's audit events. The stored code is the constant's name. */
public enum MonitoringEntity implements AuditEntity {

    MONITORING_SCHEDULE,
    MONITORING_OFFICER_AREA,
    MONITORING_CASE,
    MONITORING_VISIT,
    MONITORING_VISIT_PHOTO,
    MONITORING_ASSET,
    MONITORING_FLAG,
    MONITORING_OUTCOME,
    MONITORING_TALLY,
    MONITORING_COHORT,
    /* the province's picture (aggregates: never a person; stored codes kept from the former ReportingEntity) */
    SCORECARD,
    REPORT;

    @Override
    public String code() {
        return name();
    }
}
