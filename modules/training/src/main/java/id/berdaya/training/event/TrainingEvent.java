package id.berdaya.training.event;

import java.time.LocalDate;
import java.util.List;

/**
 * A training event as its screens show it. For a PARTNER user {@code internalTitle} is null and
 * {@code targetCategories} empty: an agency sees the public title only.
 */
public record TrainingEvent(long id, String kabkotaCode, int budgetYear, String internalTitle, String publicTitle,
                            EventKind kind, String venue, LocalDate startDate, LocalDate endDate,
                            List<Integer> targetCategories, int quota, EventStatus status, CompletionRule rule,
                            String signatoryName, String signatoryPosition, int enrolled, int version) {
}
