package id.berdaya.training.enrolment;

/** A participant is enrolled, or withdrew (with a reason). */
public enum ParticipantStatus {
    ENROLLED, WITHDRAWN
}
