package id.berdaya.training;

import id.berdaya.core.audit.AuditEntity;

/** Entity types of the training module's audit events. The stored code is the constant's name. */
public enum TrainingEntity implements AuditEntity {

    PARTNER,
    TRAINING_EVENT,
    TRAINING_SESSION,
    TRAINING_PARTICIPANT,
    TRAINING_ATTENDANCE,
    TRAINING_SIGNED_SHEET,
    CERTIFICATE;

    @Override
    public String code() {
        return name();
    }
}
