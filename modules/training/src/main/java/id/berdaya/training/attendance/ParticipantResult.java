package id.berdaya.training.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A participant's scores and, once the event is closed, the result: {@code result} is null while
 * the event runs; {@code reasons} say why not completed (codes of {@code CompletionRule}).
 */
public record ParticipantResult(long participantId, long eventId, BigDecimal preScore, BigDecimal postScore,
                                BigDecimal attendancePct, ResultStatus result, List<String> reasons, LocalDate completedOn) {
}
