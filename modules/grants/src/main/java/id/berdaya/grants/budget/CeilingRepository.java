package id.berdaya.grants.budget;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsCeilingRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_BUDGET_YEAR;
import static id.berdaya.db.Tables.GRANTS_CEILING;

/** Ceilings per kabupaten/kota and year, district-scoped: a district sees its own. */
@Repository
class CeilingRepository extends DistrictScopedRepository<GrantsCeilingRecord> {

    CeilingRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_CEILING, GRANTS_CEILING.KABKOTA_CODE, GRANTS_CEILING.ID, GrantsEntity.GRANTS_CEILING);
    }

    Optional<Ceiling> find(String kabkota, int year) {
        return selectVisible(GRANTS_CEILING.KABKOTA_CODE.eq(kabkota).and(GRANTS_CEILING.BUDGET_YEAR.eq((short) year)))
                .fetchOptional(CeilingRepository::toCeiling);
    }

    /** A locked ceiling's pagu with the year's per-person maximum, null when the year has none set. */
    record Locked(long pagu, Long perPersonMax) {
    }

    /**
     * The ceiling row, locked until the transaction ends (SELECT ... FOR UPDATE), read together
     * with the year's per-person maximum in the same statement: the approval's budget check is one
     * round trip here and one for the district's committed sum.
     */
    Optional<Locked> lock(String kabkota, int year) {
        var c = GRANTS_CEILING;
        var max = DSL.field(DSL.select(GRANTS_BUDGET_YEAR.PER_PERSON_MAX).from(GRANTS_BUDGET_YEAR)
                .where(GRANTS_BUDGET_YEAR.BUDGET_YEAR.eq((short) year)));
        return selectVisible(List.of(c.PAGU, max), c.KABKOTA_CODE.eq(kabkota).and(c.BUDGET_YEAR.eq((short) year)))
                .forUpdate().fetchOptional(r -> new Locked(r.get(c.PAGU), r.get(max)));
    }

    List<Ceiling> ofYear(int year) {
        return selectVisible(GRANTS_CEILING.BUDGET_YEAR.eq((short) year)).orderBy(GRANTS_CEILING.KABKOTA_CODE)
                .fetch(CeilingRepository::toCeiling);
    }

    /** Sets a district's ceiling: a new row, or the existing one at the version the user saw; false if it moved on. */
    boolean set(String kabkota, int year, long pagu, Integer version, String by, LocalDateTime at) {
        var t = GRANTS_CEILING;
        if (version == null) {
            GrantsCeilingRecord r = newRecord(kabkota);
            r.setBudgetYear((short) year);
            r.setPagu(pagu);
            r.setUpdatedBy(by);
            r.setUpdatedAt(at);
            r.store();
            return true;
        }
        return writing(kabkota).update(t).set(t.PAGU, pagu).set(t.UPDATED_BY, by).set(t.UPDATED_AT, at)
                .set(t.VERSION, t.VERSION.plus(1))
                .where(t.KABKOTA_CODE.eq(kabkota), t.BUDGET_YEAR.eq((short) year), t.VERSION.eq(version))
                .execute() == 1;
    }

    private static Ceiling toCeiling(GrantsCeilingRecord r) {
        return new Ceiling(r.getId(), r.getKabkotaCode(), r.getBudgetYear(), r.getPagu(), r.getVersion());
    }
}
