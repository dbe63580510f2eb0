package id.berdaya.training.attendance;

import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.TrainingSession;

import java.math.BigDecimal;
import java.util.List;

/**
 * An event's attendance as a matrix: a row per enrolled participant, a column per session (in time
 * order), and each row's share of sessions attended (present or late, rounded down to one decimal).
 */
public record AttendanceRecap(List<TrainingSession> sessions, List<Row> rows) {

    /** @param states one per session, in the order of {@link #sessions()}; null where nothing is marked */
    public record Row(Participant participant, List<AttendanceState> states, BigDecimal attendedPct) {
    }
}
