package id.berdaya.grants.catalogue;

import id.berdaya.core.RuleViolation;
import id.berdaya.db.enums.GrantsCatalogueItemItemGroup;
import id.berdaya.db.enums.GrantsCatalogueItemUnit;
import id.berdaya.db.tables.records.GrantsCatalogueItemRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataChangedException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static id.berdaya.db.Tables.GRANTS_CATALOGUE_ITEM;

/** The unit-price catalogue: a provincial list, not district-owned. */
@Repository
class CatalogueRepository {

    private final DSLContext dsl;

    CatalogueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(NewCatalogueItem n, String by, LocalDateTime at) {
        GrantsCatalogueItemRecord r = dsl.newRecord(GRANTS_CATALOGUE_ITEM);
        fill(r, n);
        r.setUpdatedBy(by);
        r.setUpdatedAt(at);
        r.store();
        return r.getId();
    }

    /** Changes an item against the version the user saw. */
    void update(long id, NewCatalogueItem n, int version, String by, LocalDateTime at) {
        GrantsCatalogueItemRecord r = dsl.selectFrom(GRANTS_CATALOGUE_ITEM).where(GRANTS_CATALOGUE_ITEM.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (r.getVersion() != version) {
            throw RuleViolation.concurrentChange();
        }
        fill(r, n);
        r.setUpdatedBy(by);
        r.setUpdatedAt(at);
        try {
            r.store();
        } catch (DataChangedException e) {
            throw RuleViolation.concurrentChange();
        }
    }

    Optional<CatalogueItem> find(long id) {
        return dsl.selectFrom(GRANTS_CATALOGUE_ITEM).where(GRANTS_CATALOGUE_ITEM.ID.eq(id)).fetchOptional(CatalogueRepository::toItem);
    }

    boolean nameTaken(int year, String name, Long except) {
        var t = GRANTS_CATALOGUE_ITEM;
        return dsl.fetchExists(t, t.BUDGET_YEAR.eq((short) year), t.NAME.eq(name.trim()),
                except == null ? DSL.noCondition() : t.ID.ne(except));
    }

    /** The items of a year by group and name; only active ones if asked. */
    List<CatalogueItem> list(int year, boolean activeOnly) {
        var t = GRANTS_CATALOGUE_ITEM;
        Condition c = t.BUDGET_YEAR.eq((short) year);
        if (activeOnly) {
            c = c.and(t.ACTIVE.isTrue());
        }
        return dsl.selectFrom(t).where(c).orderBy(t.ITEM_GROUP, t.NAME).fetch(CatalogueRepository::toItem);
    }

    Map<Long, CatalogueItem> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.selectFrom(GRANTS_CATALOGUE_ITEM).where(GRANTS_CATALOGUE_ITEM.ID.in(ids)).fetch(CatalogueRepository::toItem)
                .stream().collect(Collectors.toMap(CatalogueItem::id, Function.identity()));
    }

    private static void fill(GrantsCatalogueItemRecord r, NewCatalogueItem n) {
        r.setBudgetYear((short) n.budgetYear());
        r.setName(n.name().trim());
        r.setItemGroup(GrantsCatalogueItemItemGroup.valueOf(n.group().name()));
        r.setUnit(GrantsCatalogueItemUnit.valueOf(n.unit().name()));
        r.setUnitPrice(n.unitPrice());
        r.setActive(n.active());
    }

    private static CatalogueItem toItem(GrantsCatalogueItemRecord r) {
        return new CatalogueItem(r.getId(), r.getBudgetYear(), r.getName(), ItemGroup.valueOf(r.getItemGroup().getLiteral()),
                Unit.valueOf(r.getUnit().getLiteral()), r.getUnitPrice(), r.getActive(), r.getVersion());
    }
}
