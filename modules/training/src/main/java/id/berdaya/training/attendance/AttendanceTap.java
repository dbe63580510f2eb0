package id.berdaya.training.attendance;

/**
 * One tap on the attendance sheet, or the mark it left: a participant's state at one session and
 * the tap's sequence number. Sequence numbers grow per participant (the tablet takes the larger of
 * its last number plus one and its clock in milliseconds; a mark made on the server takes the
 * server's clock); the highest one applied wins, so a tap replayed after a dropped connection
 * never undoes a newer one.
 */
public record AttendanceTap(long participantId, AttendanceState state, long seq) {
}
