package id.berdaya.monitoring;

import id.berdaya.core.audit.AuditEntity;

/** Entity types of the province's picture's audit events (aggregates: never a person). */
public enum ReportingEntity implements AuditEntity {

    SCORECARD,
    REPORT;

    @Override
    public String code() {
        return name();
    }
}
