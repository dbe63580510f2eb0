package id.berdaya.training.event;

import java.util.List;

/**
 * Published in the closing transaction when an event is closed: the attendance package computes
 * each participant's result from it, and the certificate package issues certificates after that.
 *
 * @param participants the enrolled participants
 * @param sessionIds   the event's sessions
 */
public record EventClosed(TrainingEvent event, List<Participant> participants, List<Long> sessionIds) {
}
