package id.berdaya.training.event;

import java.time.LocalDate;
import java.util.List;

/**
 * A training event as the form enters it.
 *
 * @param publicTitle      the title on certificates and the public check: it never names a target group
 * @param targetCategories the register's category ids the event is meant for (never shown publicly)
 * @param rule             the completion rule; {@link CompletionRule#DEFAULT} when null
 */
public record NewEvent(String kabkotaCode, int budgetYear, String internalTitle, String publicTitle, EventKind kind,
                       String venue, LocalDate startDate, LocalDate endDate, List<Integer> targetCategories, int quota,
                       CompletionRule rule, String signatoryName, String signatoryPosition) {
}
