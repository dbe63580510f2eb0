package id.berdaya.monitoring.schedule;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.Optional;

import static id.berdaya.db.Tables.MONITORING_SCHEDULE;

/** The visit offsets per budget year: a provincial list, not district-owned. */
@Repository
class OffsetRepository {

    private final DSLContext dsl;

    OffsetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<String> find(int year) {
        return dsl.select(MONITORING_SCHEDULE.MONTH_OFFSETS).from(MONITORING_SCHEDULE)
                .where(MONITORING_SCHEDULE.BUDGET_YEAR.eq((short) year)).fetchOptional(MONITORING_SCHEDULE.MONTH_OFFSETS);
    }

    void save(int year, String offsets, String by, LocalDateTime at) {
        var t = MONITORING_SCHEDULE;
        dsl.insertInto(t, t.BUDGET_YEAR, t.MONTH_OFFSETS, t.UPDATED_BY, t.UPDATED_AT).values((short) year, offsets, by, at)
                .onDuplicateKeyUpdate().set(t.MONTH_OFFSETS, offsets).set(t.UPDATED_BY, by).set(t.UPDATED_AT, at)
                .set(t.VERSION, t.VERSION.plus(1)).execute();
    }
}
