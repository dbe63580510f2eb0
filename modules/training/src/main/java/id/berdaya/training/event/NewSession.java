package id.berdaya.training.event;

import java.time.LocalDate;
import java.time.LocalTime;

/** A session as the form enters it: a facilitator and/or a partner agency. */
public record NewSession(LocalDate date, LocalTime startTime, LocalTime endTime, String topic, String facilitatorName,
                         String facilitatorPosition, Long partnerId, String place) {
}
