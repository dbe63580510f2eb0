package id.berdaya.training.attendance;

import java.util.List;
import java.util.Map;

/**
 * The answer to a batch of taps: those that changed the record, those already superseded by a tap
 * with a higher sequence (or sent before), and the record as it now stands for every participant
 * tapped (participant id → state and sequence). Every tap sent is answered by one of the two lists,
 * so the tablet may drop all of them from its queue.
 */
public record TapsApplied(List<AttendanceTap> applied, List<AttendanceTap> superseded, Map<Long, AttendanceTap> current) {
}
