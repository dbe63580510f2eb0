package id.berdaya.registry.beneficiary;

import id.berdaya.registry.category.Category;
import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.RegistryTestApplication;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.registry.Sex;
import id.berdaya.registry.nik.NameKey;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register at 1,000,000 beneficiaries: each figure through {@link BeneficiaryService} (as a
 * real authenticated user, with method security and the district scope) against the equivalent
 * hand-written JDBC query on the same table in the same run. The database lives in
 * {@code target/mariadb-bench} and is generated once (the generation time is printed and kept in
 * {@code generation.txt} there); later runs reuse it. Results: stdout (surefire's
 * {@code *-output.txt}) and {@code target/register-benchmark.md}. Not part of the build: tag
 * {@code bench} (see docs/benchmarks.md).
 */
@Tag("bench")
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = RegistryTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/target/mariadb-bench/data",
        "berdaya.embedded.fresh=false",
        "berdaya.embedded.port=0"})
class RegisterBenchmark {

    static final int SIZE = Integer.getInteger("bench.size", 1_000_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 10_000);
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 5_000);
    static final String DISTRICT = "33.01"; // Cilacap, the largest district: the slowest district-scoped search
    static final String COLUMNS = "id, nik, full_name, sex, birth_date, kabkota_code, kecamatan_code, desa_code, category_id, status, review_flags";

    @Autowired BeneficiaryService registry;
    @Autowired CategoryService categoryService;
    @Autowired SyntheticRegister register;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;
    @Autowired org.jooq.DSLContext dsl;
    @Autowired BeneficiaryListRepository repository;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    private final Random random = new Random(1);
    private final List<String> report = new ArrayList<>();
    private Map<Integer, String> categoryNames;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void registerAtOneMillion() throws Exception {
        ensureSize();
        BerdayaUser officer = accounts.ensure("bench.verifikator", Role.PROVINCE_OFFICER, null);
        BerdayaUser head = accounts.ensure("bench.kadinsos.clp", Role.DISTRICT_HEAD, DISTRICT);
        TestAccounts.loginAs(officer);
        categoryNames = Map.copyOf(categoryService.list().stream()
                .collect(java.util.stream.Collectors.toMap(Category::id, Category::label)));

        List<String> niks = strings("SELECT nik FROM registry_beneficiary WHERE id >= ? LIMIT 1", 3_000);
        List<String> prefixes = namePrefixes(2_000);
        int rows = scalar("SELECT COUNT(*) FROM registry_beneficiary");
        int deepRow = (int) Math.min(900_000, rows * 0.9); // row 900,000 of a million; 90% down a smaller register
        List<Long> deepIds = longs("SELECT id FROM registry_beneficiary WHERE status <> 'MERGED' ORDER BY id DESC LIMIT 2000 OFFSET "
                + (deepRow - 1_000));
        line("Register benchmark, %s, %,d beneficiaries (%,d in %s), warm-up %,d, iterations %,d per figure".formatted(
                Instant.now(), rows, scalar("SELECT COUNT(*) FROM registry_beneficiary WHERE kabkota_code = '" + DISTRICT + "'"),
                DISTRICT, WARMUP, ITERATIONS));
        explain("NIK", "SELECT " + COLUMNS + " FROM registry_beneficiary WHERE nik = '" + niks.getFirst()
                + "' AND status <> 'MERGED' ORDER BY id DESC LIMIT 50");
        explain("name prefix in district", "SELECT " + COLUMNS + " FROM registry_beneficiary WHERE kabkota_code = '" + DISTRICT
                + "' AND id IN (SELECT beneficiary_id FROM registry_name_token WHERE kabkota_code = '" + DISTRICT
                + "' AND token LIKE '" + prefixes.getFirst() + "%') AND status <> 'MERGED' ORDER BY id DESC LIMIT 50");
        String everyDistrict = districts();
        explain("name prefix, province-wide (every district named)", "SELECT " + COLUMNS + " FROM registry_beneficiary WHERE id IN "
                + "(SELECT beneficiary_id FROM registry_name_token WHERE kabkota_code IN (" + everyDistrict + ") AND token LIKE '"
                + prefixes.getFirst() + "%') AND status <> 'MERGED' ORDER BY id DESC LIMIT 50");
        explain("page at 900,000", "SELECT " + COLUMNS + " FROM registry_beneficiary WHERE status <> 'MERGED' AND id < "
                + deepIds.getFirst() + " ORDER BY id DESC LIMIT 50");
        logServiceSql(officer, head, niks.getFirst(), prefixes.getFirst(), deepIds.getFirst());

        line("");
        line("| figure | target | service p50 | service p95 | raw p50 | raw p95 | ratio p50 | ratio p95 | met? |");
        line("|---|---|---|---|---|---|---|---|---|");

        TestAccounts.loginAs(officer);
        double[][] nik = compare(
                i -> registry.page(byNik(niks.get(i % niks.size())), ListOrder.NEWEST, null, 50),
                i -> raw("SELECT " + COLUMNS + " FROM registry_beneficiary WHERE nik = ? AND status <> 'MERGED' ORDER BY id DESC LIMIT 50",
                        niks.get(i % niks.size())), niks.size());
        row("NIK lookup (province officer)", "p95 ≤ 2 ms", nik, nik[0][1] <= 2.0);

        TestAccounts.loginAs(head);
        double[][] name = compare(
                i -> registry.page(BeneficiaryFilter.none().withName(prefixes.get(i % prefixes.size())), ListOrder.NEWEST, null, 50),
                i -> raw("SELECT " + COLUMNS + " FROM registry_beneficiary WHERE kabkota_code = ? AND id IN (SELECT beneficiary_id "
                                + "FROM registry_name_token WHERE kabkota_code = ? AND token LIKE ?) AND status <> 'MERGED' "
                                + "ORDER BY id DESC LIMIT 50", DISTRICT, DISTRICT, prefixes.get(i % prefixes.size()) + "%"),
                prefixes.size());
        row("name prefix, first 50, district head " + DISTRICT, "p95 ≤ 30 ms", name, name[0][1] <= 30.0);

        TestAccounts.loginAs(officer);
        double[][] province = compare(
                i -> registry.page(BeneficiaryFilter.none().withName(prefixes.get(i % prefixes.size())), ListOrder.NEWEST, null, 50),
                i -> raw("SELECT " + COLUMNS + " FROM registry_beneficiary WHERE id IN (SELECT beneficiary_id FROM registry_name_token "
                                + "WHERE kabkota_code IN (" + everyDistrict + ") AND token LIKE ?) AND status <> 'MERGED' "
                                + "ORDER BY id DESC LIMIT 50", prefixes.get(i % prefixes.size()) + "%"),
                prefixes.size());
        row("name prefix, first 50, province-wide (province officer)", "(none given)", province, true);

        TestAccounts.loginAs(officer);
        double[][] first = compare(
                i -> registry.page(BeneficiaryFilter.none(), ListOrder.NEWEST, null, 50),
                i -> raw("SELECT " + COLUMNS + " FROM registry_beneficiary WHERE status <> 'MERGED' ORDER BY id DESC LIMIT 50"), 1);
        row("first page (50 rows)", "reference", first, true);
        double[][] deep = compare(
                i -> registry.page(BeneficiaryFilter.none(), ListOrder.NEWEST, after(deepIds.get(i % deepIds.size())), 50),
                i -> raw("SELECT " + COLUMNS + " FROM registry_beneficiary WHERE status <> 'MERGED' AND id < ? ORDER BY id DESC LIMIT 50",
                        deepIds.get(i % deepIds.size())), deepIds.size());
        row("page at row %,d (seek)".formatted(deepRow), "p95 ≤ 2 × first page p95 (%.2f ms)".formatted(2 * first[0][1]), deep,
                deep[0][1] <= 2 * first[0][1]);

        line("");
        statementsPerCall(officer, niks);
        Files.write(Path.of("target/register-benchmark.md"), report);

        assertThat(rows).isGreaterThanOrEqualTo(SIZE);
    }

    /**
     * Where the service's time goes on the NIK lookup: raw JDBC, then the same query through
     * jOOQ, then the repository (scope, filter), then the service (method security, transaction
     * interceptor, mapping). The steps take turns with the same key (the first one rotating), and
     * each call's wall time and the calling thread's CPU time are kept: the CPU time is the
     * client's own work, without the server's and the scheduler's noise. Printed only.
     */
    @Test
    void whereTheServiceTimeGoes() throws Exception {
        ensureSize();
        BerdayaUser officer = accounts.ensure("bench.verifikator", Role.PROVINCE_OFFICER, null);
        TestAccounts.loginAs(officer);
        categoryNames = Map.copyOf(categoryService.list().stream()
                .collect(java.util.stream.Collectors.toMap(Category::id, Category::label)));
        List<String> niks = strings("SELECT nik FROM registry_beneficiary WHERE id >= ? LIMIT 1", 3_000);
        String sql = "SELECT " + COLUMNS + " FROM registry_beneficiary WHERE nik = ? AND status <> 'MERGED' ORDER BY id DESC LIMIT 50";
        Map<String, IntFunction<?>> steps = new java.util.LinkedHashMap<>();
        steps.put("raw JDBC", i -> raw(sql, niks.get(i)));
        steps.put("raw JDBC, jOOQ's connection", i -> dsl.connectionResult(c -> rawOn(c, sql, niks.get(i))));
        steps.put("jOOQ plain SQL", i -> dsl.resultQuery(sql, niks.get(i)).fetch());
        steps.put("repository", i -> repository.page(byNik(niks.get(i)), ListOrder.NEWEST, null, 50, categoryNames::get));
        org.springframework.transaction.support.TransactionTemplate supports = new org.springframework.transaction.support.TransactionTemplate(
                transactions, new org.springframework.transaction.support.DefaultTransactionDefinition(
                        org.springframework.transaction.TransactionDefinition.PROPAGATION_SUPPORTS));
        steps.put("repository, SUPPORTS", i -> supports.execute(st -> repository.page(byNik(niks.get(i)),
                ListOrder.NEWEST, null, 50, categoryNames::get)));
        steps.put("service", i -> registry.page(byNik(niks.get(i)), ListOrder.NEWEST, null, 50));
        List<IntFunction<?>> calls = List.copyOf(steps.values());
        int n = calls.size();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[][] wall = new long[n][ITERATIONS];
        long[][] cpu = new long[n][ITERATIONS];
        for (int i = 0; i < WARMUP; i++) {
            int k = random.nextInt(niks.size());
            calls.forEach(c -> c.apply(k));
        }
        for (int i = 0; i < ITERATIONS; i++) {
            int k = random.nextInt(niks.size());
            for (int j = 0; j < n; j++) {
                int step = (i + j) % n;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                calls.get(step).apply(k);
                wall[step][i] = System.nanoTime() - t0;
                cpu[step][i] = threads.getCurrentThreadCpuTime() - c0;
            }
        }
        int j = 0;
        for (String step : steps.keySet()) {
            double[] w = percentiles(wall[j]);
            double[] c = percentiles(cpu[j]);
            line(String.format(Locale.ROOT, "%-22s wall p50 %.3f ms p95 %.3f ms; client CPU p50 %.3f ms p95 %.3f ms", step,
                    w[0], w[1], c[0], c[1]));
            j++;
        }
    }

    @Test
    void scratchProfileLoop() throws Exception {
        BerdayaUser officer = accounts.ensure("bench.verifikator", Role.PROVINCE_OFFICER, null);
        TestAccounts.loginAs(officer);
        List<String> niks = strings("SELECT nik FROM registry_beneficiary WHERE id >= ? LIMIT 1", 3_000);
        long end = System.nanoTime() + Long.getLong("scratch.seconds", 60L) * 1_000_000_000L;
        long calls = 0;
        while (System.nanoTime() < end) {
            registry.page(byNik(niks.get(random.nextInt(niks.size()))), ListOrder.NEWEST, null, 50);
            calls++;
        }
        System.out.println("scratch calls " + calls);
    }

    /** Generates the missing rows once; the data directory outlives the run. */
    private void ensureSize() throws IOException {
        int have = register.total();
        if (have >= SIZE) {
            return;
        }
        SyntheticRegister.Result r = register.generate(SIZE - have, 2026, SyntheticRegister.GENERATOR, 2, 0.005);
        String note = "%s: generated %,d rows (%,d possible-duplicate pairs) in %.1f s, %,.0f rows/s, on top of %,d%n".formatted(
                Instant.now(), r.people(), r.duplicatePairs(), r.millis() / 1000.0, r.rowsPerSecond(), have);
        System.out.print(note);
        Files.writeString(Path.of("target/mariadb-bench/generation.txt"), note, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * Warms up, then measures service and raw JDBC alternately (the same key for both, the order
     * swapped every iteration) so that caches favour neither. Returns {{service p50, p95}, {raw p50, p95}} in ms.
     */
    private double[][] compare(IntFunction<List<BeneficiarySummary>> service, IntFunction<List<BeneficiarySummary>> raw, int keys) {
        return compare(service, raw, keys, WARMUP, ITERATIONS);
    }

    private double[][] compare(IntFunction<List<BeneficiarySummary>> service, IntFunction<List<BeneficiarySummary>> raw, int keys,
                               int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) {
            int k = random.nextInt(keys);
            service.apply(k);
            raw.apply(k);
        }
        long[] s = new long[iterations];
        long[] r = new long[iterations];
        int sameRows = 0;
        for (int i = 0; i < iterations; i++) {
            int k = random.nextInt(keys);
            boolean serviceFirst = i % 2 == 0;
            long t0 = System.nanoTime();
            List<BeneficiarySummary> a = (serviceFirst ? service : raw).apply(k);
            long t1 = System.nanoTime();
            List<BeneficiarySummary> b = (serviceFirst ? raw : service).apply(k);
            long t2 = System.nanoTime();
            s[i] = serviceFirst ? t1 - t0 : t2 - t1;
            r[i] = serviceFirst ? t2 - t1 : t1 - t0;
            sameRows += a.equals(b) ? 1 : 0;
        }
        assertThat(sameRows).as("service and raw JDBC return the same rows").isEqualTo(iterations);
        return new double[][]{percentiles(s), percentiles(r)};
    }

    private static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[]{sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6};
    }

    private void row(String figure, String target, double[][] m, boolean met) {
        double ratio50 = m[0][0] / m[1][0];
        double ratio95 = m[0][1] / m[1][1];
        line(String.format(Locale.ROOT, "| %s | %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.2f× | %.2f× | %s%s |", figure, target,
                m[0][0], m[0][1], m[1][0], m[1][1], ratio50, ratio95, met ? "yes" : "**no**",
                ratio95 <= 1.3 ? "; ≤ 1.3× raw: yes" : "; ≤ 1.3× raw: **no**"));
    }

    /** The hand-written equivalent: one statement on a pooled connection, mapped to the same record. */
    private List<BeneficiarySummary> raw(String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            return rawOn(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<BeneficiarySummary> rawOn(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<BeneficiarySummary> out = new ArrayList<>(50);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String flags = rs.getString(11);
                    out.add(new BeneficiarySummary(rs.getLong(1), NameKey.maskNik(rs.getString(2)), rs.getString(3),
                            Sex.valueOf(rs.getString(4)), rs.getObject(5, java.time.LocalDate.class), rs.getString(6), rs.getString(7),
                            rs.getString(8), categoryNames.get(rs.getInt(9)), BeneficiaryStatus.valueOf(rs.getString(10)),
                            flags == null ? List.of() : Arrays.asList(flags.split(","))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BeneficiaryFilter byNik(String nik) {
        return new BeneficiaryFilter(nik, null, null, null, null, null, null, null, null, null, false);
    }

    /** The seek needs only the id of the row before (NEWEST order). */
    private static BeneficiarySummary after(long id) {
        return new BeneficiarySummary(id, null, "", Sex.L, null, null, null, null, null, BeneficiaryStatus.REGISTERED, List.of());
    }

    /** Random keys: the rows at random ids. */
    private List<String> strings(String sql, int n) throws SQLException {
        long max = scalar("SELECT MAX(id) FROM registry_beneficiary");
        List<String> out = new ArrayList<>(n);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            while (out.size() < n) {
                ps.setLong(1, 1 + (long) (random.nextDouble() * max));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /** Prefixes (3 to 5 letters) of words of random names in the district, as a user would type them. */
    private List<String> namePrefixes(int n) throws SQLException {
        List<String> names = strings("SELECT name_key FROM registry_beneficiary WHERE kabkota_code = '" + DISTRICT + "' AND id >= ? LIMIT 1", n);
        List<String> out = new ArrayList<>(n);
        for (String key : names) {
            String[] words = key.split(" ");
            String w = words[random.nextInt(words.length)];
            out.add(w.substring(0, Math.min(w.length(), 3 + random.nextInt(3))));
        }
        return out;
    }

    /** Every district code as SQL literals, as the repository names them for a province-wide name search. */
    private String districts() throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT code FROM region_kabkota ORDER BY code")) {
            while (rs.next()) {
                codes.add("'" + rs.getString(1) + "'");
            }
        }
        return String.join(", ", codes);
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private int scalar(String sql) throws SQLException {
        return longs(sql).getFirst().intValue();
    }

    private void explain(String what, String sql) throws SQLException {
        line("EXPLAIN " + what + ":");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                line("    table=%s type=%s key=%s rows=%s extra=%s".formatted(rs.getString("table"), rs.getString("type"),
                        rs.getString("key"), rs.getString("rows"), rs.getString("Extra")));
            }
        }
    }

    /** The SQL jOOQ renders for each service call (jOOQ's own debug log, on for one call each). */
    private void logServiceSql(BerdayaUser officer, BerdayaUser head, String nik, String prefix, long deepId) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("org.jooq.tools.LoggerListener", LogLevel.DEBUG);
        try {
            TestAccounts.loginAs(officer);
            registry.page(byNik(nik), ListOrder.NEWEST, null, 50);
            registry.page(BeneficiaryFilter.none(), ListOrder.NEWEST, after(deepId), 50);
            TestAccounts.loginAs(head);
            registry.page(BeneficiaryFilter.none().withName(prefix), ListOrder.NEWEST, null, 50);
        } finally {
            logging.setLogLevel("org.jooq.tools.LoggerListener", LogLevel.INFO);
        }
    }

    /** Statements the server receives per call (its Questions counter; nothing else uses this server during the run). */
    private void statementsPerCall(BerdayaUser officer, List<String> niks) throws SQLException {
        TestAccounts.loginAs(officer);
        int calls = 1_000;
        long before = questions();
        for (int i = 0; i < calls; i++) {
            registry.page(byNik(niks.get(i % niks.size())), ListOrder.NEWEST, null, 50);
        }
        long service = questions() - before - 1;
        before = questions();
        for (int i = 0; i < calls; i++) {
            raw("SELECT " + COLUMNS + " FROM registry_beneficiary WHERE nik = ? AND status <> 'MERGED' ORDER BY id DESC LIMIT 50",
                    niks.get(i % niks.size()));
        }
        long rawCount = questions() - before - 1;
        line("Statements per NIK lookup at the server: service %.2f, raw JDBC %.2f".formatted(service / (double) calls,
                rawCount / (double) calls));
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
