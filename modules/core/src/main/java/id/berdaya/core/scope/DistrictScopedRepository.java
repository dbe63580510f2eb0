package id.berdaya.core.scope;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.Table;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Base of every repository of a district-owned table: each read goes through
 * {@link #visible()}, so no query of a subclass can forget the district scope. An architecture
 * test allows district-owned tables to be touched only from subclasses of this class.
 *
 * @param <R> the jOOQ record of the table
 */
public abstract class DistrictScopedRepository<R extends Record> {

    protected final DSLContext dsl;
    private final DistrictScope scope;
    private final Table<R> table;
    private final Field<String> districtField;
    private final Field<Long> idField;
    private final String entityType;

    protected DistrictScopedRepository(DSLContext dsl, DistrictScope scope, Table<R> table,
                                       Field<String> districtField, Field<Long> idField, String entityType) {
        this.dsl = dsl;
        this.scope = scope;
        this.table = table;
        this.districtField = districtField;
        this.idField = idField;
        this.entityType = entityType;
    }

    /** The current user's scope on this table. */
    protected final Condition visible() {
        return scope.visible(districtField);
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
        if (scope.canSee(district)) {
            return true;
        }
        scope.denied(entityType, row.get(idField), district);
        return false;
    }

    /** Whether the current user may write a row of this district (insert or change). */
    protected final boolean writable(String district) {
        return scope.canSee(district);
    }
}
