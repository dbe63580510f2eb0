package id.berdaya.grants.synthetic;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.enums.GrantsCatalogueItemItemGroup;
import id.berdaya.db.enums.GrantsCatalogueItemUnit;
import id.berdaya.db.tables.records.GrantsProposalRecord;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.registry.synthetic.SyntheticRegister;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.GRANTS_CATALOGUE_ITEM;
import static id.berdaya.db.Tables.GRANTS_CEILING;
import static id.berdaya.db.Tables.GRANTS_HANDOVER;
import static id.berdaya.db.Tables.GRANTS_HANDOVER_ITEM;
import static id.berdaya.db.Tables.GRANTS_HANDOVER_NUMBER;
import static id.berdaya.db.Tables.GRANTS_PROPOSAL;
import static id.berdaya.db.Tables.GRANTS_PROPOSAL_HISTORY;
import static id.berdaya.db.Tables.GRANTS_PROPOSAL_ITEM;

/**
 * Bulk writes of synthetic grants data (catalogue, ceilings, proposals with items and history,
 * handovers with their goods) into the tables the services write, proposals and handovers with
 * {@code LOAD DATA LOCAL INFILE}. Its statements are province-wide and without a user: only the
 * generator uses this class.
 */
@Repository
@Profile(SyntheticRegister.PROFILE)
class SyntheticGrantsRepository extends DistrictScopedRepository<GrantsProposalRecord> {

    SyntheticGrantsRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_PROPOSAL, GRANTS_PROPOSAL.KABKOTA_CODE, GRANTS_PROPOSAL.ID, GrantsEntity.GRANTS_PROPOSAL);
    }

    /** Every statement of the generator: province-wide, without a user. */
    private DSLContext generator() {
        return unscoped(UnscopedReason.SYNTHETIC_GENERATOR);
    }

    /** Proposals in the whole province. */
    int proposals() {
        return generator().fetchCount(GRANTS_PROPOSAL);
    }

    /** The next free id of each loaded table, in the order of {@link GrantsFiles.Table}. */
    long[] nextIds() {
        return new long[] {next(GRANTS_PROPOSAL, GRANTS_PROPOSAL.ID), next(GRANTS_PROPOSAL_ITEM, GRANTS_PROPOSAL_ITEM.ID),
                next(GRANTS_PROPOSAL_HISTORY, GRANTS_PROPOSAL_HISTORY.ID), next(GRANTS_HANDOVER, GRANTS_HANDOVER.ID),
                next(GRANTS_HANDOVER_ITEM, GRANTS_HANDOVER_ITEM.ID)};
    }

    private long next(Table<?> table, Field<Long> id) {
        Long max = generator().select(DSL.max(id)).from(table).fetchOne(0, Long.class);
        return max == null ? 1 : max + 1;
    }

    /** The year's catalogue item id by name: the given items are added where the year lacks them (price in rupiah). */
    Map<String, Long> catalogue(int year, Map<String, SyntheticGrantsPlan.Item> items, LocalDateTime at, String by) {
        var c = GRANTS_CATALOGUE_ITEM;
        Map<String, Long> ids = new HashMap<>();
        generator().select(c.NAME, c.ID).from(c).where(c.BUDGET_YEAR.eq((short) year)).forEach(r -> ids.put(r.value1(), r.value2()));
        for (SyntheticGrantsPlan.Item i : items.values()) {
            if (!ids.containsKey(i.name())) {
                ids.put(i.name(), generator().insertInto(c).set(c.BUDGET_YEAR, (short) year).set(c.NAME, i.name())
                        .set(c.ITEM_GROUP, GrantsCatalogueItemItemGroup.valueOf(i.group().name()))
                        .set(c.UNIT, GrantsCatalogueItemUnit.valueOf(i.unit().name())).set(c.UNIT_PRICE, i.price(year))
                        .set(c.UPDATED_BY, by).set(c.UPDATED_AT, at).returning(c.ID).fetchOne(c.ID));
            }
        }
        return ids;
    }

    /** Sets a district's ceiling of a year (added, or raised to at least {@code pagu}). */
    void ceiling(String kabkota, int year, long pagu, LocalDateTime at, String by) {
        var c = GRANTS_CEILING;
        generator().insertInto(c).set(c.KABKOTA_CODE, kabkota).set(c.BUDGET_YEAR, (short) year).set(c.PAGU, pagu)
                .set(c.UPDATED_BY, by).set(c.UPDATED_AT, at)
                .onDuplicateKeyUpdate().set(c.PAGU, DSL.greatest(c.PAGU, DSL.inline(pagu))).execute();
    }

    /**
     * Loads one chunk's files, parents first, in the caller's transaction, and sets the BAST number
     * counters past the loaded numbers. {@code LOAD DATA LOCAL} skips a clashing row instead of
     * failing, so each count is checked.
     */
    void load(GrantsFiles f) {
        for (GrantsFiles.Table t : GrantsFiles.Table.values()) {
            int loaded = generator().execute("LOAD DATA LOCAL INFILE {0} INTO TABLE " + t.table + " CHARACTER SET utf8mb4 ("
                    + t.columns + ")", DSL.inline(f.file(t).toString()));
            if (loaded != f.count(t)) {
                throw new IllegalStateException("LOAD DATA stored " + loaded + " of " + f.count(t) + " rows of " + t.table
                        + ": another writer took an id meanwhile; this chunk is rolled back");
            }
        }
        generator().execute("INSERT INTO {0} (kabkota_code, year, last_seq) SELECT kabkota_code, year, MAX(seq) FROM {1} "
                + "GROUP BY kabkota_code, year ON DUPLICATE KEY UPDATE last_seq = GREATEST(last_seq, VALUES(last_seq))",
                GRANTS_HANDOVER_NUMBER, GRANTS_HANDOVER);
    }

    List<SyntheticGrants.Handed> handedOver(long afterId, int limit) {
        var h = GRANTS_HANDOVER;
        var p = GRANTS_PROPOSAL;
        List<SyntheticGrants.Handed> out = new java.util.ArrayList<>();
        generator().select(h.ID, h.PROPOSAL_ID, p.BENEFICIARY_ID, p.BENEFICIARY_NAME, h.KABKOTA_CODE, h.HANDED_ON, p.BUDGET_YEAR)
                .from(h).join(p).on(p.ID.eq(h.PROPOSAL_ID)).where(h.ID.gt(afterId).and(h.VOIDED_AT.isNull())).orderBy(h.ID).limit(limit)
                .forEach(r -> out.add(new SyntheticGrants.Handed(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), new java.util.ArrayList<>())));
        if (out.isEmpty()) {
            return out;
        }
        Map<Long, SyntheticGrants.Handed> byId = new HashMap<>();
        out.forEach(x -> byId.put(x.handoverId(), x));
        var i = GRANTS_HANDOVER_ITEM;
        generator().select(i.HANDOVER_ID, i.CATALOGUE_ITEM_ID, i.NAME, i.UNIT, i.APPROVED_QUANTITY, i.QUANTITY, i.REASON).from(i)
                .where(i.HANDOVER_ID.between(out.getFirst().handoverId(), out.getLast().handoverId())).orderBy(i.ID)
                .forEach(r -> {
                    SyntheticGrants.Handed x = byId.get(r.value1());
                    if (x != null) {
                        x.items().add(new id.berdaya.grants.handover.HandoverItem(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                                r.value7()));
                    }
                });
        return out;
    }

    /** The last BAST number's sequence per "kabkota/year", so that new numbers follow on. */
    Map<String, Integer> lastHandoverSeqs() {
        var n = GRANTS_HANDOVER_NUMBER;
        Map<String, Integer> m = new HashMap<>();
        generator().select(n.KABKOTA_CODE, n.YEAR, n.LAST_SEQ).from(n).forEach(r -> m.put(r.value1() + "/" + r.value2(), r.value3()));
        return m;
    }
}
