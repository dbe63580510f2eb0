package id.berdaya.core.bench;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.conf.ParamType;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the benchmarks ask of the database and the machine besides the call they measure: single
 * values, the server's statement counter, the plan of a statement, the load average, and the SQL
 * jOOQ sent (import {@link Capture} into the benchmark's context).
 */
public final class BenchSql {

    private BenchSql() {
    }

    /** Captures the SQL of the statements jOOQ runs while {@link #capturing} is on (values inlined). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Capture {
        public static volatile boolean capturing;
        public static final Set<String> SQL = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

        @Bean
        ExecuteListenerProvider benchSqlCapture() {
            return new DefaultExecuteListenerProvider(new ExecuteListener() {
                @Override
                public void executeStart(ExecuteContext ctx) {
                    if (capturing && ctx.query() != null) {
                        SQL.add(ctx.query().getSQL(ParamType.INLINED));
                    }
                }
            });
        }

        /** The statements jOOQ sent while {@code call} ran. */
        public static List<String> during(Runnable call) {
            SQL.clear();
            capturing = true;
            try {
                call.run();
            } finally {
                capturing = false;
            }
            return List.copyOf(SQL);
        }
    }

    /** The machine's load average (1, 5, 15 minutes) from /proc/loadavg. */
    public static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The first column of the first row, as a number. */
    public static double number(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /** The first column of the first row, as text. */
    public static String string(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The server's count of statements received so far (every connection). */
    public static long questions(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** Writes the statement, and for a SELECT each row of its {@code EXPLAIN}, as indented lines. */
    public static void explain(DataSource db, String sql, Consumer<String> line) throws SQLException {
        line.accept("    " + sql);
        if (!sql.trim().toLowerCase(Locale.ROOT).startsWith("select")) {
            return;
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                line.accept("    - %s table=%s type=%s key=%s rows=%s extra=%s".formatted(rs.getString("select_type"),
                        rs.getString("table"), rs.getString("type"), rs.getString("key"), rs.getString("rows"), rs.getString("Extra")));
            }
        }
    }
}
