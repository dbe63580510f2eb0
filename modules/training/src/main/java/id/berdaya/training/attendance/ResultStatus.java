package id.berdaya.training.attendance;

/** A participant's result, computed when the event is closed. */
public enum ResultStatus {
    COMPLETED, NOT_COMPLETED
}
