package id.berdaya.training;

import id.berdaya.core.audit.AuditAction;

/** Audited actions of the training module. The stored code is the constant's name. */
public enum TrainingAction implements AuditAction {

    PARTNER_CREATED,
    PARTNER_UPDATED,
    PARTNER_MOU_UPLOADED,
    PARTNER_MOU_DOWNLOADED,
    PARTNER_USER_ASSIGNED,
    TRAINING_EVENT_CREATED,
    TRAINING_EVENT_UPDATED,
    TRAINING_EVENT_STATUS_CHANGED,
    TRAINING_EVENT_CLOSED,
    TRAINING_EVENT_REOPENED,
    TRAINING_SESSION_SAVED,
    TRAINING_PARTICIPANTS_ENROLLED,
    TRAINING_PARTICIPANT_WITHDRAWN,
    TRAINING_PARTICIPANTS_EXPORTED,
    TRAINING_ATTENDANCE_MARKED,
    TRAINING_ATTENDANCE_EXPORTED,
    TRAINING_SCORES_RECORDED,
    CERTIFICATE_ISSUED,
    CERTIFICATES_PRINTED,
    CERTIFICATE_REVOKED;

    @Override
    public String code() {
        return name();
    }
}
