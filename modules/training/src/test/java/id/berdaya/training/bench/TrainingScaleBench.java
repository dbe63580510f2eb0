package id.berdaya.training.bench;

import id.berdaya.core.bench.Timings;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.TrainingTestApplication;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.CompletedTraining;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventFilter;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.synthetic.SyntheticTraining;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training at scale (issue 10): the events list as {@code /pelatihan} asks for it and a person's
 * training history (the beneficiary detail page: {@code participations} and
 * {@code completedTrainings}), through the services as a logged-in user, on 1,000,000 synthetic
 * beneficiaries, 20,000 events and 1,000,000 attendance rows. The database lives in
 * {@code target/mariadb-training-bench} (or {@code -Dbench.dir}) and is generated once; later runs
 * reuse it. Prints the SQL each call sends with its {@code EXPLAIN}, p50/p95/max per figure, the
 * statements per call; also written to {@code target/training-scale-benchmark.md}. Tag
 * {@code bench}: not part of {@code verify} (see docs/benchmarks.md).
 */
@Tag("bench")
@org.springframework.context.annotation.Import(TrainingScaleBench.SqlCapture.class)
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = TrainingTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/${bench.dir:target/mariadb-training-bench}/data",
        "berdaya.embedded.fresh=false",
        "berdaya.embedded.port=0"})
class TrainingScaleBench {

    static final int BENEFICIARIES = Integer.getInteger("bench.size", 1_000_000);
    static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    static final int ATTENDANCE = Integer.getInteger("bench.attendance", 1_000_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 1_000);
    static final String DIR = System.getProperty("bench.dir", "target/mariadb-training-bench");

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired SyntheticRegister register;
    @Autowired SyntheticTraining training;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;
    @Autowired id.berdaya.core.database.EmbeddedMariaDb db;

    private final Random random = new Random(1);
    private final List<String> report = new ArrayList<>();

    /**
     * The history figure: what the beneficiary detail page asks of the training services. The one
     * place to change when participations() moves (e.g. to an enrolment service, or a history
     * service that the detail page calls instead of these two).
     */
    private int history(long beneficiaryId) {
        List<?> taken = enrolment.participations(beneficiaryId);
        List<CompletedTraining> completed = attendance.completedTrainings(beneficiaryId);
        return taken.size() + completed.size();
    }

    /** Captures the SQL of the statements jOOQ runs while {@link #capturing} is on (values inlined). */
    @TestConfiguration(proxyBeanMethods = false)
    static class SqlCapture {
        static volatile boolean capturing;
        static final Set<String> SQL = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

        @Bean
        ExecuteListenerProvider captureSql() {
            return new DefaultExecuteListenerProvider(new ExecuteListener() {
                @Override
                public void executeStart(ExecuteContext ctx) {
                    if (capturing && ctx.query() != null) {
                        SQL.add(ctx.query().getSQL(ParamType.INLINED));
                    }
                }
            });
        }
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void eventsListAndHistoryAtScale() throws Exception {
        Users users = ensureDataAndUsers();
        String district = users.district();
        BerdayaUser officer = users.officer();
        BerdayaUser head = users.head();
        int lastYear = LocalDate.now().getYear() - 1;
        line("Training scale benchmark, %s: %,d beneficiaries, %,d events (%,d in %s), %,d sessions, %,d participants, %,d attendance rows, %,d results, %,d certificates; warm-up %,d, iterations %,d per figure; load average %s".formatted(
                Instant.now(), count("registry_beneficiary"), count("training_event"),
                (int) number("SELECT COUNT(*) FROM training_event WHERE kabkota_code = '" + district + "'"), district,
                count("training_session"), count("training_participant"), count("training_attendance"), count("training_result"),
                count("training_certificate"), WARMUP, ITERATIONS, loadAverage()));

        line("Events by status: " + string("SELECT GROUP_CONCAT(CONCAT(status, ' ', n) ORDER BY status SEPARATOR ', ') FROM "
                + "(SELECT status, COUNT(*) n FROM training_event GROUP BY status) s"));
        List<Long> trained = longs("SELECT beneficiary_id FROM training_participant WHERE id >= ? LIMIT 1", 2_000, "training_participant");
        List<Long> trainedHere = longs("SELECT beneficiary_id FROM training_participant WHERE id >= ? AND kabkota_code = '" + district
                + "' LIMIT 1", 2_000, "training_participant");
        List<Long> anyone = longs("SELECT id FROM registry_beneficiary WHERE id >= ? LIMIT 1", 2_000, "registry_beneficiary");

        record Figure(String name, BerdayaUser user, IntFunction<Integer> call, int keys) {
        }
        List<Figure> figures = List.of(
                new Figure("events list, no filter (the screen's first view), provincial officer", officer,
                        i -> events.list(EventFilter.ALL).size(), 1),
                new Figure("events list, no filter, district head of " + district, head, i -> events.list(EventFilter.ALL).size(), 1),
                new Figure("events list, budget year " + lastYear + ", provincial officer", officer,
                        i -> events.list(new EventFilter(lastYear, null, null)).size(), 1),
                new Figure("events list, status running, provincial officer", officer,
                        i -> events.list(new EventFilter(null, null, EventStatus.RUNNING)).size(), 1),
                new Figure("events list, " + district + " and budget year " + lastYear + ", provincial officer", officer,
                        i -> events.list(new EventFilter(lastYear, district, null)).size(), 1),
                new Figure("training history of a participant (any district), provincial officer", officer,
                        i -> history(trained.get(i)), trained.size()),
                new Figure("training history of a participant of " + district + ", its district head", head,
                        i -> history(trainedHere.get(i)), trainedHere.size()),
                new Figure("training history of a random beneficiary (most have none), provincial officer", officer,
                        i -> history(anyone.get(i)), anyone.size()));

        for (Figure f : figures) {
            TestAccounts.loginAs(f.user());
            SqlCapture.SQL.clear();
            SqlCapture.capturing = true;
            long q0 = questions();
            f.call().apply(0);
            long statements = questions() - q0 - 1;
            SqlCapture.capturing = false;
            line("");
            line("### " + f.name() + " (" + statements + " statements at the server for one call)");
            for (String sql : List.copyOf(SqlCapture.SQL)) {
                explain(sql);
            }
        }

        line("");
        line("| figure | p50 | p95 | max | rows per call (mean) | p95 ≤ 50 ms? |");
        line("|---|---|---|---|---|---|");
        for (Figure f : figures) {
            TestAccounts.loginAs(f.user());
            for (int i = 0; i < WARMUP; i++) {
                f.call().apply(random.nextInt(f.keys()));
            }
            long[] nanos = new long[ITERATIONS];
            long rows = 0;
            for (int i = 0; i < ITERATIONS; i++) {
                int k = random.nextInt(f.keys());
                long t0 = System.nanoTime();
                rows += f.call().apply(k);
                nanos[i] = System.nanoTime() - t0;
            }
            Timings t = Timings.of(nanos, 0);
            line(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.1f | %s |", f.name(), t.p50(), t.p95(), t.max(),
                    rows / (double) ITERATIONS, t.p95() <= 50 ? "yes" : "**no**"));
        }
        line("");
        line("Load average at the end: " + loadAverage());
        Files.write(Path.of("target/training-scale-benchmark.md"), report);
        assertThat(count("training_attendance")).isGreaterThanOrEqualTo(ATTENDANCE);
    }

    /** The indexes V025 added ("table.index"); V025 also dropped (budget_year, id), which this cannot bring back. */
    static final List<String> V025 = List.of("training_event.ix_training_event_newest", "training_event.ix_training_event_district_newest",
            "training_event.ix_training_event_year_newest", "training_event.ix_training_event_status_newest",
            "training_participant.ix_training_participant_enrolled");

    /**
     * The events list's first view with V025's indexes and with them made invisible to the
     * optimiser ({@code ALTER INDEX ... IGNORED}, restored afterwards), in the same run: ten rounds
     * per figure, the two modes taking turns (which goes first alternates), 50 warm-up and 100
     * measured calls per round and mode.
     */
    @Test
    void eventsListWithAndWithoutV025() throws Exception {
        Users users = ensureDataAndUsers();
        String district = users.district();
        BerdayaUser officer = users.officer();
        BerdayaUser head = users.head();
        line("");
        line("V025 against its indexes ignored, %s, load average %s".formatted(Instant.now(), loadAverage()));
        try {
            ignoreV025(true);
            TestAccounts.loginAs(officer);
            SqlCapture.SQL.clear();
            SqlCapture.capturing = true;
            events.list(EventFilter.ALL);
            SqlCapture.capturing = false;
            line("The provincial officer's first view with V025's indexes ignored:");
            for (String sql : List.copyOf(SqlCapture.SQL)) {
                explain(sql);
            }
            line("");
            line("| figure | with V025: p50 | p95 | V025's indexes ignored: p50 | p95 |");
            line("|---|---|---|---|---|");
            for (BerdayaUser user : List.of(officer, head)) {
                TestAccounts.loginAs(user);
                long[][] nanos = new long[2][1_000];
                int[] n = new int[2];
                for (int round = 0; round < 10; round++) {
                    for (int turn = 0; turn < 2; turn++) {
                        int mode = (round + turn) % 2; // 0: with V025, 1: ignored
                        ignoreV025(mode == 1);
                        for (int i = 0; i < 50; i++) {
                            events.list(EventFilter.ALL);
                        }
                        for (int i = 0; i < 100; i++) {
                            long t0 = System.nanoTime();
                            events.list(EventFilter.ALL);
                            nanos[mode][n[mode]++] = System.nanoTime() - t0;
                        }
                    }
                }
                Arrays.sort(nanos[0]);
                Arrays.sort(nanos[1]);
                line(String.format(Locale.ROOT, "| events list, no filter, %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |",
                        user.role() == Role.PROVINCE_OFFICER ? "provincial officer" : "district head of " + district,
                        nanos[0][500] / 1e6, nanos[0][950] / 1e6, nanos[1][500] / 1e6, nanos[1][950] / 1e6));
            }
        } finally {
            ignoreV025(false);
        }
        line("Load average at the end: " + loadAverage());
        Files.write(Path.of("target/training-scale-v025.md"), report);
    }

    private void ignoreV025(boolean ignored) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
             Statement s = c.createStatement()) { // the schema owner: the application's account may not alter tables
            for (String ix : V025) {
                String[] t = ix.split("\\.");
                s.execute("ALTER TABLE " + t[0] + " ALTER INDEX " + t[1] + (ignored ? " IGNORED" : " NOT IGNORED"));
            }
        }
    }

    /** The district with the most events, a provincial officer and that district's head. */
    record Users(String district, BerdayaUser officer, BerdayaUser head) {
    }

    private Users ensureDataAndUsers() throws Exception {
        ensureData();
        String district = string("SELECT kabkota_code FROM training_event GROUP BY kabkota_code ORDER BY COUNT(*) DESC LIMIT 1");
        return new Users(district, accounts.ensure("bench.pel.verifikator", Role.PROVINCE_OFFICER, null),
                accounts.ensure("bench.pel.kadinsos", Role.DISTRICT_HEAD, district));
    }

    /** Generates what is missing, once: the register first, then the training data on top. */
    private void ensureData() throws Exception {
        int have = register.total();
        if (have < BENEFICIARIES) {
            SyntheticRegister.Result r = register.generate(BENEFICIARIES - have, 2026, SyntheticRegister.GENERATOR, 2, 0.005);
            note("generated %,d beneficiaries in %.1f s (%,.0f rows/s) on top of %,d".formatted(r.people(), r.millis() / 1000.0,
                    r.rowsPerSecond(), have));
        }
        if (training.events() == 0) {
            SyntheticTraining.Result r = training.generate(EVENTS, ATTENDANCE, 2026);
            note("generated %,d events, %,d sessions, %,d participants, %,d attendance rows, %,d results, %,d certificates in %.1f s"
                    .formatted(r.events(), r.sessions(), r.participants(), r.attendance(), r.results(), r.certificates(), r.millis() / 1000.0));
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String t : List.of("training_event", "training_session", "training_participant", "training_attendance",
                    "training_result", "training_certificate")) {
                s.execute("ANALYZE TABLE " + t);
            }
        }
    }

    private void note(String what) throws Exception {
        String line = Instant.now() + ": " + what + " (load average " + loadAverage() + ")" + System.lineSeparator();
        System.out.print(line);
        Files.writeString(Path.of(DIR, "generation.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private void explain(String sql) throws SQLException {
        line("    " + sql);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                line("    - id=%s %s table=%s type=%s key=%s rows=%s extra=%s".formatted(rs.getString("id"), rs.getString("select_type"),
                        rs.getString("table"), rs.getString("type"), rs.getString("key"), rs.getString("rows"), rs.getString("Extra")));
            }
        }
    }

    /** Random keys: the first row at or after random ids of the table. */
    private List<Long> longs(String sql, int n, String table) throws SQLException {
        long max = (long) number("SELECT MAX(id) FROM " + table);
        List<Long> out = new ArrayList<>(n);
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int tries = 0; out.size() < n && tries < 50 * n; tries++) {
                ps.setLong(1, 1 + (long) (random.nextDouble() * max));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    private int count(String table) throws SQLException {
        return (int) number("SELECT COUNT(*) FROM " + table);
    }

    private double number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private String string(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long questions() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private void line(String s) {
        System.out.println(s);
        report.add(s);
    }
}
