package id.berdaya.grants.budget;

import id.berdaya.db.tables.records.GrantsBudgetYearRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_BUDGET_YEAR;

/** The settings of a budget year (the per-person maximum): a provincial list. */
@Repository
class BudgetYearRepository {

    private final DSLContext dsl;

    BudgetYearRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Long> perPersonMax(int year) {
        return dsl.select(GRANTS_BUDGET_YEAR.PER_PERSON_MAX).from(GRANTS_BUDGET_YEAR)
                .where(GRANTS_BUDGET_YEAR.BUDGET_YEAR.eq((short) year)).fetchOptional(GRANTS_BUDGET_YEAR.PER_PERSON_MAX);
    }

    void setPerPersonMax(int year, long amount, String by, LocalDateTime at) {
        var t = GRANTS_BUDGET_YEAR;
        GrantsBudgetYearRecord r = dsl.selectFrom(t).where(t.BUDGET_YEAR.eq((short) year)).forUpdate().fetchOptional()
                .orElseGet(() -> {
                    GrantsBudgetYearRecord n = dsl.newRecord(t);
                    n.setBudgetYear((short) year);
                    return n;
                });
        r.setPerPersonMax(amount);
        r.setUpdatedBy(by);
        r.setUpdatedAt(at);
        r.store();
    }
}
