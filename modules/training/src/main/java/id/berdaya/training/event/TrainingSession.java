package id.berdaya.training.event;

import java.time.LocalDate;
import java.time.LocalTime;

/** A session of a training event. */
public record TrainingSession(long id, long eventId, String kabkotaCode, LocalDate date, LocalTime startTime,
                              LocalTime endTime, String topic, String facilitatorName, String facilitatorPosition,
                              Long partnerId, String place, int version) {
}
