package id.berdaya.grants.handover;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsHandoverNumberRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;

import static id.berdaya.db.Tables.GRANTS_HANDOVER_NUMBER;

/**
 * The BAST numbers per kabupaten/kota and year. {@code INSERT ... ON DUPLICATE KEY UPDATE} takes
 * the counter row's exclusive lock (also for the year's first number), so handovers of one district
 * recorded at once are numbered one after the other until the first commits. (A {@code MAX(seq) ...
 * FOR UPDATE} over the handovers deadlocks there: two transactions share the gap lock of an empty
 * year and then both insert into it.)
 */
@Repository
class HandoverNumberRepository extends DistrictScopedRepository<GrantsHandoverNumberRecord> {

    HandoverNumberRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_HANDOVER_NUMBER, GRANTS_HANDOVER_NUMBER.KABKOTA_CODE, GRANTS_HANDOVER_NUMBER.ID,
                GrantsEntity.GRANTS_HANDOVER);
    }

    /** The district's next number of the year, held by this transaction until it ends. */
    int next(String kabkota, int year) {
        var t = GRANTS_HANDOVER_NUMBER;
        writing(kabkota).insertInto(t, t.KABKOTA_CODE, t.YEAR, t.LAST_SEQ).values(kabkota, (short) year, 1)
                .onDuplicateKeyUpdate().set(t.LAST_SEQ, t.LAST_SEQ.plus(1)).execute();
        return selectVisible(List.of(t.LAST_SEQ), t.KABKOTA_CODE.eq(kabkota).and(t.YEAR.eq((short) year))).fetchOne(0, Integer.class);
    }
}
