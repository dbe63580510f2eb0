package id.berdaya.training.event;

/** A participant is enrolled, or withdrew (with a reason). */
public enum ParticipantStatus {
    ENROLLED, WITHDRAWN
}
