package id.berdaya.training.attendance;

import java.time.LocalDate;

/** A training a person completed: which event, as which participant, and when (the event's last day). */
public record CompletedTraining(long eventId, long participantId, LocalDate completedOn) {
}
