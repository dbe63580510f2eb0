package id.berdaya.training.event;

import java.util.List;

/**
 * Published in the closing transaction when an event is closed: the attendance package computes
 * each enrolled participant's result from it, and the certificate package issues certificates
 * after that.
 *
 * @param sessionIds the event's sessions
 */
public record EventClosed(TrainingEvent event, List<Long> sessionIds) {
}
