package id.berdaya.core.database;

import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL that jOOQ renders once per shape of a query, for the hottest reads.
 *
 * <p>Rendering a jOOQ query costs about as much as the database needs to answer a primary-key
 * lookup (10 to 12 µs for the register list against 40 to 60 µs for the whole call; see
 * docs/benchmarks.md). A repository that runs the same few shapes of a query again and again
 * builds the query as usual, with every value as a <em>named</em> parameter, and names its shape:
 * a string that records every choice that changes the SQL (which conditions, which order, the
 * scope's reach), never a value. The SQL of a shape is rendered the first time and kept with the
 * order of its parameters; later calls bind their values into a JDBC statement.
 *
 * <p>The rendering is checked: every bind position must be a named parameter, so a value that
 * was not declared as one fails at the first call instead of being bound wrongly. A shape must
 * determine the SQL; the repository's test renders every shape it can build twice, with different
 * values, and compares.
 */
public final class RenderedQueries {

    /** The SQL of one shape and the names of its parameters in the order of the statement's {@code ?}. */
    public record Rendered(String sql, List<String> parameters) {

        /** Binds the values by parameter name; a parameter without a value is an error. */
        public void bind(PreparedStatement statement, Map<String, ?> values) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                String name = parameters.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for parameter " + name + " of " + sql);
                }
                Object v = values.get(name);
                statement.setObject(i + 1, v instanceof EnumType e ? e.getLiteral() : v);
            }
        }
    }

    private final DSLContext dsl;
    private final int capacity;
    private final Map<String, Rendered> shapes = new ConcurrentHashMap<>();

    /** @param capacity shapes kept at most; further shapes are rendered every time */
    public RenderedQueries(DSLContext dsl, int capacity) {
        this.dsl = dsl;
        this.capacity = capacity;
    }

    /** The SQL of {@code query}, whose shape is {@code shape}: rendered now the first time, then kept. */
    public Rendered get(String shape, Query query) {
        Rendered r = shapes.get(shape);
        if (r != null) {
            return r;
        }
        r = render(query);
        if (shapes.size() < capacity) {
            shapes.putIfAbsent(shape, r);
        }
        return r;
    }

    /** Renders a query with named parameters into JDBC SQL and the order of its parameters. */
    public Rendered render(Query query) {
        String indexed = dsl.render(query);
        List<String> names = parameterNames(dsl.renderNamedParams(query));
        int binds = dsl.extractBindValues(query).size();
        if (binds != names.size()) {
            throw new IllegalStateException("rendered " + binds + " bind values but " + names.size() + " named parameters: " + indexed);
        }
        for (String name : names) {
            if (Character.isDigit(name.charAt(0))) {
                throw new IllegalStateException("a value of this query is not a named parameter (rendered as :" + name + "): "
                        + dsl.renderNamedParams(query));
            }
        }
        return new Rendered(indexed, List.copyOf(names));
    }

    /** Names of {@code :name} parameters in order, outside quoted literals and identifiers. */
    static List<String> parameterNames(String sql) {
        List<String> names = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == ':' && i + 1 < sql.length() && Character.isLetterOrDigit(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                i = end - 1;
            }
        }
        return names;
    }
}
