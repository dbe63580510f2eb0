package id.berdaya.training.attendance;

/** A participant at one session. Present and late count as attended; excused does not. */
public enum AttendanceState {
    PRESENT, LATE, EXCUSED, ABSENT;

    public boolean attended() {
        return this == PRESENT || this == LATE;
    }

    /** The next state of one tap on the attendance sheet. */
    public AttendanceState next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
