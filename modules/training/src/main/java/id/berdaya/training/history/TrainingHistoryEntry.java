package id.berdaya.training.history;

import id.berdaya.training.attendance.ResultStatus;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.event.EventStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One training in a person's history: the event (its public title only, which never names a
 * target group), their participation, their attendance share, their result and their certificate.
 *
 * @param attendancePct the share of the event's sessions attended: computed at closing, or as the recap
 *                      counts it while the event runs; null otherwise (planned, withdrawn, no sessions)
 * @param result        null until the event is closed
 * @param reasons       why not completed (codes of {@code CompletionRule}), empty otherwise
 * @param certificate   the newest certificate, valid or revoked; null without one
 */
public record TrainingHistoryEntry(long eventId, long participantId, String publicTitle, String kabkotaCode,
                                   LocalDate startDate, LocalDate endDate, EventStatus eventStatus,
                                   ParticipantStatus participantStatus, BigDecimal attendancePct, ResultStatus result,
                                   List<String> reasons, Certificate certificate) {
}
