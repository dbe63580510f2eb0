package id.berdaya.training.event;

/** What the current user may do with an event now (by role and status): the screens show buttons from it. */
public enum EventAction {
    EDIT, OPEN, START, CANCEL, ENROL, RECORD, CLOSE, REOPEN, SEE_RESULTS, PRINT_CERTIFICATES, REVOKE_CERTIFICATES
}
