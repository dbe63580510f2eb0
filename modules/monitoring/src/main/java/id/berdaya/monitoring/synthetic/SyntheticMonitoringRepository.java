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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.GRANTS_HANDOVER;
import static id.berdaya.db.Tables.GRANTS_HANDOVER_ITEM;
import static id.berdaya.db.Tables.GRANTS_PROPOSAL;
import static id.berdaya.db.Tables.MONITORING_ASSET;
import static id.berdaya.db.Tables.MONITORING_CASE;
import static id.berdaya.db.Tables.MONITORING_COHORT;
import static id.berdaya.db.Tables.MONITORING_FLAG;
import static id.berdaya.db.Tables.MONITORING_MOVEMENT;
import static id.berdaya.db.Tables.MONITORING_TALLY;
import static id.berdaya.db.Tables.MONITORING_VISIT;
import static id.berdaya.db.Tables.REGISTRY_BENEFICIARY;

/**
 * Bulk writes of synthetic monitoring data (follow-ups, visits, ledgers, flags) with
 * {@code LOAD DATA LOCAL INFILE}, and the counts beside them. Its statements are province-wide
 * and without a user: only the generator uses this class.
 */
@Repository
@Profile(SyntheticRegister.PROFILE)
class SyntheticMonitoringRepository extends DistrictScopedRepository<MonitoringCaseRecord> {

    /** A handover in force without a follow-up, with what the follow-up needs. */
    record Handed(long handoverId, long proposalId, long beneficiaryId, String name, String kabkota, String kecamatan, LocalDate handedOn,
                  int budgetYear, List<Item> items) {
    }

    /** One item handed over. */
    record Item(long catalogueItemId, String name, String unit, int quantity) {
    }

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

    /** Up to {@code limit} handovers in force after {@code afterId} without a follow-up, by id, with their goods. */
    List<Handed> handedWithoutFollowUp(long afterId, int limit) {
        var h = GRANTS_HANDOVER;
        var p = GRANTS_PROPOSAL;
        var b = REGISTRY_BENEFICIARY;
        var c = MONITORING_CASE;
        List<Handed> out = new ArrayList<>();
        generator().select(h.ID, h.PROPOSAL_ID, p.BENEFICIARY_ID, p.BENEFICIARY_NAME, h.KABKOTA_CODE, b.KECAMATAN_CODE, h.HANDED_ON,
                        p.BUDGET_YEAR)
                .from(h).join(p).on(p.ID.eq(h.PROPOSAL_ID)).join(b).on(b.ID.eq(p.BENEFICIARY_ID))
                .leftJoin(c).on(c.HANDOVER_ID.eq(h.ID))
                .where(h.ID.gt(afterId).and(h.VOIDED_AT.isNull()).and(c.ID.isNull())).orderBy(h.ID).limit(limit)
                .forEach(r -> out.add(new Handed(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), new ArrayList<>())));
        if (out.isEmpty()) {
            return out;
        }
        Map<Long, Handed> byId = new HashMap<>();
        out.forEach(x -> byId.put(x.handoverId(), x));
        var i = GRANTS_HANDOVER_ITEM;
        generator().select(i.HANDOVER_ID, i.CATALOGUE_ITEM_ID, i.NAME, i.UNIT, i.QUANTITY).from(i)
                .where(i.HANDOVER_ID.between(out.getFirst().handoverId(), out.getLast().handoverId())).orderBy(i.ID)
                .forEach(r -> {
                    Handed x = byId.get(r.value1());
                    if (x != null) {
                        x.items().add(new Item(r.value2(), r.value3(), r.value4(), r.value5()));
                    }
                });
        return out;
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
