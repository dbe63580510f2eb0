package id.berdaya.monitoring.synthetic;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.tables.records.MonitoringCaseRecord;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.registry.synthetic.SyntheticRegister;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import static id.berdaya.db.Tables.MONITORING_ASSET;
import static id.berdaya.db.Tables.MONITORING_CASE;
import static id.berdaya.db.Tables.MONITORING_COHORT;
import static id.berdaya.db.Tables.MONITORING_FLAG;
import static id.berdaya.db.Tables.MONITORING_MOVEMENT;
import static id.berdaya.db.Tables.MONITORING_TALLY;
import static id.berdaya.db.Tables.MONITORING_VISIT;

/**
 * Bulk writes of synthetic monitoring data (follow-ups, visits, ledgers, flags; the handovers come from
 * {@code SyntheticGrants.handedOver}) with
 * {@code LOAD DATA LOCAL INFILE}, and the counts beside them. Its statements are province-wide
 * and without a user: only the generator uses this class.
 */
@Repository
@Profile(SyntheticRegister.PROFILE)
class SyntheticMonitoringRepository extends DistrictScopedRepository<MonitoringCaseRecord> {

    SyntheticMonitoringRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_CASE, MONITORING_CASE.KABKOTA_CODE, MONITORING_CASE.ID, MonitoringEntity.MONITORING_CASE);
    }

    private DSLContext generator() {
        return unscoped(UnscopedReason.SYNTHETIC_GENERATOR);
    }

    /** The next free id of each loaded table, in the order of {@link MonitoringFiles.Table}. */
    long[] nextIds() {
        return new long[] {next(MONITORING_CASE, MONITORING_CASE.ID), next(MONITORING_VISIT, MONITORING_VISIT.ID),
                next(MONITORING_ASSET, MONITORING_ASSET.ID), next(MONITORING_MOVEMENT, MONITORING_MOVEMENT.ID),
                next(MONITORING_FLAG, MONITORING_FLAG.ID)};
    }

    private long next(Table<?> table, Field<Long> id) {
        Long max = generator().select(DSL.max(id)).from(table).fetchOne(0, Long.class);
        return max == null ? 1 : max + 1;
    }

    /** Those of these handovers that already have a follow-up. */
    Set<Long> followed(Collection<Long> handoverIds) {
        var c = MONITORING_CASE;
        return handoverIds.isEmpty() ? Set.of() : new HashSet<>(generator().select(c.HANDOVER_ID).from(c).where(c.HANDOVER_ID.in(handoverIds))
                .fetch(c.HANDOVER_ID));
    }

    /** Loads one chunk's files, parents first, in the caller's transaction; each count is checked. */
    void load(MonitoringFiles f) {
        for (MonitoringFiles.Table t : MonitoringFiles.Table.values()) {
            int loaded = generator().execute("LOAD DATA LOCAL INFILE {0} INTO TABLE " + t.table + " CHARACTER SET utf8mb4 ("
                    + t.columns + ")", DSL.inline(f.file(t).toString()));
            if (loaded != f.count(t)) {
                throw new IllegalStateException("LOAD DATA stored " + loaded + " of " + f.count(t) + " rows of " + t.table
                        + ": another writer took an id meanwhile; this chunk is rolled back");
            }
        }
    }

    /** Adds to a kept figure of a kecamatan (the figure's name). */
    void tally(String kabkota, String kecamatan, String figure, long delta) {
        var t = MONITORING_TALLY;
        generator().insertInto(t, t.KABKOTA_CODE, t.KECAMATAN_CODE, t.FIGURE, t.N).values(kabkota, kecamatan, figure, delta)
                .onDuplicateKeyUpdate().set(t.N, t.N.plus(delta)).execute();
    }

    /** Adds to the cohort counts of a kecamatan and handover quarter: visited6, running6, visited12, running12. */
    void cohort(String kabkota, String kecamatan, LocalDate quarter, int[] n) {
        var t = MONITORING_COHORT;
        generator().insertInto(t, t.KABKOTA_CODE, t.KECAMATAN_CODE, t.HANDED_QUARTER, t.VISITED_6M, t.RUNNING_6M, t.VISITED_12M,
                        t.RUNNING_12M).values(kabkota, kecamatan, quarter, n[0], n[1], n[2], n[3])
                .onDuplicateKeyUpdate().set(t.VISITED_6M, t.VISITED_6M.plus(n[0])).set(t.RUNNING_6M, t.RUNNING_6M.plus(n[1]))
                .set(t.VISITED_12M, t.VISITED_12M.plus(n[2])).set(t.RUNNING_12M, t.RUNNING_12M.plus(n[3])).execute();
    }
}
