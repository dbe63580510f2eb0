package id.berdaya.training.event;

/**
 * Where a training event stands: planned → open for enrolment → running → closed, or cancelled
 * before it is closed. Closing and reopening have their own acts ({@link EventService#close},
 * {@link EventService#reopen}); this is the machine of the plain status changes.
 */
public enum EventStatus {
    PLANNED, OPEN, RUNNING, CLOSED, CANCELLED;

    /** The plain status changes: planned → open → running, and any of them → cancelled. */
    public boolean canMoveTo(EventStatus to) {
        return switch (this) {
            case PLANNED -> to == OPEN || to == CANCELLED;
            case OPEN -> to == RUNNING || to == PLANNED || to == CANCELLED;
            case RUNNING -> to == CANCELLED;
            case CLOSED, CANCELLED -> false;
        };
    }

    /** Whether people may be enrolled or withdrawn. */
    public boolean enrolling() {
        return this == OPEN || this == RUNNING;
    }

    /** Whether attendance and scores may be recorded (closing freezes them). */
    public boolean recording() {
        return this == RUNNING;
    }
}
