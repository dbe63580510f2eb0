package id.berdaya.training.event;

/**
 * What the current user may do with an event now (by role and status): the screens show buttons
 * from it. {@code EXPORT}: the participants' XLSX and the attendance recap (staff).
 */
public enum EventAction {
    EDIT, OPEN, START, CANCEL, ENROL, RECORD, CLOSE, REOPEN, SEE_RESULTS, EXPORT, PRINT_CERTIFICATES, REVOKE_CERTIFICATES
}
