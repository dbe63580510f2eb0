package id.berdaya.monitoring.bench;

import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.MonitoringTestApplication;
import id.berdaya.monitoring.report.ReportService;
import id.berdaya.monitoring.report.ReportWords;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.ScorecardService;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.synthetic.SyntheticTraining;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province's picture at scale (issue 12): the Beranda's scorecard and flow chart for the
 * province and for the largest district, through the services as a logged-in user, on 1,000,000
 * synthetic beneficiaries and the training generator's 20,000 events; beside it, in the same run,
 * the naive GROUP BY over the source tables (the view {@code core_figure_source}); the monthly
 * district report as XLSX and PDF (seconds, peak heap). The database lives in
 * {@code target/mariadb-scorecard-bench} (or {@code -Dbench.dir}) and is generated once. Writes
 * {@code target/scorecard-benchmark.md}. Tag {@code bench}: not part of {@code verify}.
 */
@Tag("bench")
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = MonitoringTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/${bench.dir:target/mariadb-scorecard-bench}/data",
        "berdaya.embedded.fresh=false",
        "berdaya.embedded.port=0"})
class ScorecardBench {

    static final int BENEFICIARIES = Integer.getInteger("bench.size", 1_000_000);
    static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    static final int ATTENDANCE = Integer.getInteger("bench.attendance", 1_000_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 500);
    static final int NAIVE = Integer.getInteger("bench.naive", 5);

    @Autowired ScorecardService scorecards;
    @Autowired ReportService reports;
    @Autowired FigureCounts counts;
    @Autowired SyntheticRegister register;
    @Autowired SyntheticTraining training;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;

    private final List<String> report = new ArrayList<>();

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void berandaAndReportsAtScale() throws Exception {
        ensureData();
        String district = string("SELECT kabkota_code FROM registry_beneficiary GROUP BY kabkota_code ORDER BY COUNT(*) DESC LIMIT 1");
        BerdayaUser officer = accounts.ensure("bench.rapor.verifikator", Role.PROVINCE_OFFICER, null);
        BerdayaUser head = accounts.ensure("bench.rapor.kadinsos", Role.DISTRICT_HEAD, district);
        line("Scorecard benchmark, %s: %,d beneficiaries (%,d in %s), %,d participants, %,d results, %,d counter rows; warm-up %,d, iterations %,d; load average %s"
                .formatted(Instant.now(), number("SELECT COUNT(*) FROM registry_beneficiary"),
                        number("SELECT COUNT(*) FROM registry_beneficiary WHERE kabkota_code = '" + district + "'"), district,
                        number("SELECT COUNT(*) FROM training_participant"), number("SELECT COUNT(*) FROM training_result"),
                        number("SELECT COUNT(*) FROM core_figure_count"), WARMUP, ITERATIONS, loadAverage()));
        int year = LocalDate.now().getYear();
        line("");
        line("| figure | p50 | p95 | max |");
        line("|---|---|---|---|");
        TestAccounts.loginAs(officer);
        measure("province Beranda: scorecard (35 rows) + flow chart (5 years), provincial officer", ITERATIONS, () -> {
            scorecards.mine();
            scorecards.flow(null, year - 4, year);
        });
        TestAccounts.loginAs(head);
        measure("district Beranda: scorecard (kecamatan of " + district + ") + flow chart, district head", ITERATIONS, () -> {
            scorecards.mine();
            scorecards.flow(district, year - 4, year);
        });
        TestAccounts.loginAs(officer);
        EnumSet<Figure> counted = EnumSet.of(Figure.REGISTERED, Figure.VERIFIED, Figure.TRAINING_ENROLLED, Figure.TRAINING_COMPLETED,
                Figure.PROPOSALS_SUBMITTED, Figure.PROPOSALS_APPROVED, Figure.PROPOSALS_HANDED_OVER, Figure.APPROVED_RUPIAH);
        assertThat(counts.countedFromSources(counted, null)).as("the counts agree with the GROUP BY").isEqualTo(counts.byKabkota(counted));
        measure("the same figures per kabupaten/kota from the counts (FigureCounts.byKabkota)", ITERATIONS, () -> counts.byKabkota(counted));
        measure("naive: the same figures per kabupaten/kota by GROUP BY over the source tables (core_figure_source)", NAIVE,
                () -> counts.countedFromSources(counted, null));
        measure("naive: one district's figures per kecamatan by GROUP BY", NAIVE, () -> counts.countedFromSources(counted, district));
        long t0 = System.nanoTime();
        counts.rebuild();
        line("");
        line(String.format(Locale.ROOT, "Rebuild of every count from the source tables: %.1f s", (System.nanoTime() - t0) / 1e9));

        line("");
        line("| monthly district report (%s, %s), district head | seconds | peak heap (MB) |".formatted(district, YearMonth.now()));
        line("|---|---|---|");
        TestAccounts.loginAs(head);
        for (ReportService.Format f : ReportService.Format.values()) {
            for (int run = 0; run < 3; run++) {
                System.gc();
                resetPeaks();
                long s0 = System.nanoTime();
                reports.export(district, YearMonth.now(), f, words(), OutputStream.nullOutputStream());
                double secs = (System.nanoTime() - s0) / 1e9;
                line(String.format(Locale.ROOT, "| %s, run %d | %.3f | %.0f |", f, run + 1, secs, peakHeapMb()));
            }
        }
        Files.writeString(Path.of("target", "scorecard-benchmark.md"), String.join(System.lineSeparator(), report) + System.lineSeparator());
    }

    private void ensureData() throws Exception {
        int have = register.total();
        if (have < BENEFICIARIES) {
            long t0 = System.nanoTime();
            SyntheticRegister.Result r = register.generate(BENEFICIARIES - have, 2026, SyntheticRegister.GENERATOR, 2, 0.005);
            line("generated %,d beneficiaries in %.1f s (%,.0f rows/s), the counts rebuilt at the end".formatted(
                    r.people(), (System.nanoTime() - t0) / 1e9, r.rowsPerSecond()));
        }
        if (training.events() == 0) {
            SyntheticTraining.Result r = training.generate(EVENTS, ATTENDANCE, 2026);
            line("generated %,d events, %,d participants, %,d results in %.1f s".formatted(r.events(), r.participants(), r.results(),
                    r.millis() / 1000.0));
        }
    }

    private void measure(String what, int iterations, Runnable call) {
        int warm = Math.min(WARMUP, Math.max(1, iterations / 5));
        for (int i = 0; i < warm; i++) {
            call.run();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        line(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |", what, nanos[iterations / 2] / 1e6,
                nanos[(int) Math.ceil(iterations * 0.95) - 1] / 1e6, nanos[iterations - 1] / 1e6));
    }

    private static ReportWords words() {
        Map<Indicator, String> columns = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            columns.put(i, i.name());
        }
        return new ReportWords("Laporan Bulanan", "Bench", "Kejadian bulan ini", "Keadaan per tanggal hari ini", "Kode", "Kecamatan",
                columns, "Jumlah", "Bulan ini", "Per tanggal", "");
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1024.0 / 1024.0;
    }

    private void line(String s) {
        System.out.println(s);
        report.add(s);
    }

    private long number(String sql) throws Exception {
        return Long.parseLong(string(sql));
    }

    private String string(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
