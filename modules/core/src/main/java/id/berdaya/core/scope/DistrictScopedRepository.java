package id.berdaya.core.scope;

import id.berdaya.core.audit.AuditEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.TableLike;
import org.springframework.security.access.AccessDeniedException;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Base of every repository of a district-owned table. A subclass gets scoped reads only
 * ({@link #selectVisible}, {@link #countVisible}, {@link #findVisible}), writes of a district
 * the user may write ({@link #writing(String)}, {@link #newRecord(String)}), and one named door
 * out of the scope, {@link #unscoped(UnscopedReason)}; there is no raw {@code DSLContext}. An
 * architecture test allows district-owned tables to be touched only from subclasses of this
 * class, and compares the callers of the door with the list in docs/architecture.md.
 *
 * @param <R> the jOOQ record of the table
 */
public abstract class DistrictScopedRepository<R extends Record> {

    private final DSLContext dsl;
    private final DistrictScope scope;
    private final Table<R> table;
    private final Field<String> districtField;
    private final Field<Long> idField;
    private final AuditEntity entityType;
    private final List<Field<String>> alsoVisibleTo;

    /**
     * @param entityType    the table's entity type, named in the audit event of a denied read
     * @param alsoVisibleTo further district columns: a row is also visible to the district in any of
     *                      them (the audit trail: the district whose record another district probed)
     */
    @SafeVarargs
    protected DistrictScopedRepository(DSLContext dsl, DistrictScope scope, Table<R> table, Field<String> districtField,
                                       Field<Long> idField, AuditEntity entityType, Field<String>... alsoVisibleTo) {
        this.dsl = dsl;
        this.scope = scope;
        this.table = table;
        this.districtField = districtField;
        this.idField = idField;
        this.entityType = entityType;
        this.alsoVisibleTo = List.of(alsoVisibleTo);
    }

    /** The current user's scope on this table. */
    protected final Condition visible() {
        DistrictScope.Visibility v = scope.visibility();
        Condition c = v.on(districtField);
        for (Field<String> f : alsoVisibleTo) {
            c = c.or(v.on(f));
        }
        return c;
    }

    /** The current user's scope, for a query that renders it itself (see {@link DistrictScope.Visibility}). */
    protected final DistrictScope.Visibility visibility() {
        return scope.visibility();
    }

    /** Rows of this table matching {@code condition} within scope. */
    protected final SelectConditionStep<R> selectVisible(Condition condition) {
        return dsl.selectFrom(table).where(visible()).and(condition);
    }

    /** The number of rows matching {@code condition} within scope: the same condition as the page. */
    protected final int countVisible(Condition condition) {
        return dsl.fetchCount(table, visible().and(condition));
    }

    /**
     * A row by id. A row of another district is answered as "not found" and the attempt is
     * audited as a denial.
     */
    protected final Optional<R> findVisible(long id) {
        R row = dsl.selectFrom(table).where(idField.eq(id)).fetchOne();
        return row != null && seen(row) ? Optional.of(row) : Optional.empty();
    }

    /**
     * Rows by id in one query, keyed by id: the batch form of {@link #findVisible(long)}. A row of
     * another district is left out and its attempt audited as a denial; an unknown id is left out.
     */
    protected final Map<Long, R> findVisible(Collection<Long> ids) {
        Map<Long, R> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (R row : dsl.selectFrom(table).where(idField.in(ids)).fetch()) {
            if (seen(row)) {
                found.put(row.get(idField), row);
            }
        }
        return found;
    }

    /** Whether the current user may see this row; if not, the attempt is audited as a denial. */
    private boolean seen(R row) {
        String district = row.get(districtField);
        if (scope.canSee(district) || alsoVisibleTo.stream().anyMatch(f -> scope.canSee(row.get(f)))) {
            return true;
        }
        scope.denied(entityType, row.get(idField), district);
        return false;
    }

    /** Whether the current user may write a row of this district (insert or change). */
    protected final boolean writable(String district) {
        return scope.canSee(district);
    }

    /**
     * The door for writes of a row of {@code district}: refused (and audited as a denial) unless
     * the current user may write that district.
     */
    protected final DSLContext writing(String district) {
        if (!writable(district)) {
            scope.denied(entityType, null, district);
            throw new AccessDeniedException("district " + district + " is outside the user's scope");
        }
        return dsl;
    }

    /** A new row of this table in {@code district}, through {@link #writing(String)}. */
    protected final R newRecord(String district) {
        R row = writing(district).newRecord(table);
        row.set(districtField, district);
        return row;
    }

    /** Rows with these fields, of this table joined as {@code from}, matching {@code condition} within scope. */
    protected final SelectConditionStep<Record> selectVisible(Collection<? extends SelectFieldOrAsterisk> fields,
                                                              TableLike<?> from, Condition condition) {
        return dsl.select(fields).from(from).where(visible()).and(condition);
    }

    /** Rows with these fields of this table matching {@code condition} within scope. */
    protected final SelectConditionStep<Record> selectVisible(Collection<? extends SelectFieldOrAsterisk> fields, Condition condition) {
        return selectVisible(fields, table, condition);
    }

    /**
     * The one door out of the scope: the raw {@code DSLContext}, for a read (or a system write)
     * that is deliberately not limited to the user's district. Write the reason on the line of
     * the call; docs/architecture.md lists every caller with it (checked by an architecture test).
     */
    protected final DSLContext unscoped(UnscopedReason reason) {
        Objects.requireNonNull(reason, "reason");
        return dsl;
    }
}
