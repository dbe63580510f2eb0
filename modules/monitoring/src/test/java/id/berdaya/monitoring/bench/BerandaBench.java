package id.berdaya.monitoring.bench;

import id.berdaya.core.audit.AuditService;
import id.berdaya.core.bench.BenchSql;
import id.berdaya.core.bench.Timings;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.approval.ApprovalService;
import id.berdaya.grants.synthetic.SyntheticGrants;
import id.berdaya.monitoring.MonitoringTestApplication;
import id.berdaya.monitoring.alert.AlertService;
import id.berdaya.monitoring.report.ReportService;
import id.berdaya.monitoring.report.ReportWords;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.Scorecard;
import id.berdaya.monitoring.scorecard.ScorecardService;
import id.berdaya.monitoring.synthetic.SyntheticMonitoring;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.registry.lookup.ForeignNikService;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province's picture at full scale (issue 12), in one database: 1,000,000 synthetic
 * beneficiaries, 20,000 training events, about 100,000 handovers and 400,000 visits
 * ({@link ScaleData}, shared with {@link MonitoringScaleBench}). Times everything the Beranda's
 * server side asks for, through the services as a logged-in user (method security, transaction,
 * scope), as {@code BerandaView} does: the scorecard, the five-year flow chart, the two trend
 * charts, the alerts, the latest audit events (and the province's foreign-NIK warnings, a district
 * head's approvals waiting). Beside it, in the same run: the naive GROUP BY over the source tables
 * for the scorecard's counted figures and for the visits chart. Then the monthly district report
 * as XLSX and PDF (seconds, peak heap). Writes {@code target/beranda-benchmark.md}. Tag
 * {@code bench}: not part of {@code verify}.
 */
@Tag("bench")
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = MonitoringTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/${bench.dir:target/mariadb-monitoring-bench}/data",
        "berdaya.embedded.fresh=false",
        "berdaya.embedded.port=0"})
class BerandaBench {

    static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 300);
    static final int NAIVE = Integer.getInteger("bench.naive", 5);
    static final int PARTS = Integer.getInteger("bench.parts", 100);

    @Autowired ScorecardService scorecards;
    @Autowired TrendService trends;
    @Autowired AlertService alerts;
    @Autowired AuditService audit;
    @Autowired ForeignNikService foreignNiks;
    @Autowired ApprovalService approvals;
    @Autowired ReportService reports;
    @Autowired FigureCounts counts;
    @Autowired SyntheticRegister register;
    @Autowired SyntheticTraining training;
    @Autowired SyntheticGrants grants;
    @Autowired SyntheticMonitoring monitoring;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;

    private final List<String> report = new ArrayList<>();

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void berandaAtFullScale() throws Exception {
        new ScaleData(register, training, grants, monitoring, dataSource, ScaleData.DIR).ensure();
        String district = BenchSql.string(dataSource, "SELECT kabkota_code FROM registry_beneficiary GROUP BY kabkota_code ORDER BY COUNT(*) DESC LIMIT 1");
        BerdayaUser officer = accounts.ensure("bench.beranda.verifikator", Role.PROVINCE_OFFICER, null);
        BerdayaUser admin = accounts.ensure("bench.beranda.admin", Role.PROVINCE_ADMIN, null);
        BerdayaUser head = accounts.ensure("bench.beranda.kadinsos", Role.DISTRICT_HEAD, district);
        line("Beranda benchmark, %s: %,d beneficiaries (%,d in %s), %,d training participants, %,d proposals, %,d handovers, %,d visits, %,d counter rows; warm-up %,d, iterations %,d; load average %s"
                .formatted(Instant.now(), count("registry_beneficiary"),
                        (long) BenchSql.number(dataSource, "SELECT COUNT(*) FROM registry_beneficiary WHERE kabkota_code = '" + district + "'"),
                        district, count("training_participant"), count("grants_proposal"), count("grants_handover"), count("monitoring_visit"),
                        count("core_figure_count"), WARMUP, ITERATIONS, BenchSql.loadAverage()));
        int year = LocalDate.now().getYear();
        line("");
        line(Timings.header());
        TestAccounts.loginAs(officer);
        time("province Beranda, provincial officer: scorecard (35 rows) + flow chart + both trend charts + alerts + latest audit", ITERATIONS, () -> {
            Scorecard card = scorecards.mine();
            int n = card.rows().size() + scorecards.flow(null, year - 4, year).size();
            if (trends.mayReadCharts()) {
                n += trends.perMonth(null).size() + trends.cohorts(null).size();
            }
            n += alertCount() + audit.latest(15).size();
            return n;
        });
        TestAccounts.loginAs(admin);
        time("province Beranda, provincial administrator: the same + foreign-NIK warnings", ITERATIONS, () -> {
            int n = scorecards.mine().rows().size() + scorecards.flow(null, year - 4, year).size()
                    + trends.perMonth(null).size() + trends.cohorts(null).size() + alertCount()
                    + audit.latest(15).size();
            return foreignNiks.seesAlerts() ? n + foreignNiks.alerts(5).size() : n;
        });
        TestAccounts.loginAs(head);
        time("district Beranda, head of " + district + ": scorecard per kecamatan + work (approvals waiting) + flow chart + both trend charts + alerts + latest audit",
                ITERATIONS, () -> {
                    Scorecard card = scorecards.mine();
                    return card.rows().size() + approvals.waitingCount() + scorecards.flow(district, year - 4, year).size()
                            + trends.perMonth(district).size() + trends.cohorts(district).size() + alertCount()
                            + audit.latest(15).size();
                });
        for (BerdayaUser who : List.of(officer, head)) {
            TestAccounts.loginAs(who);
            String k = who.kabkotaCode();
            String as = k == null ? "province, one part: " : k + ", one part: ";
            time(as + "scorecard (ScorecardService.mine)", PARTS, () -> scorecards.mine().rows().size());
            time(as + "flow chart, five years (ScorecardService.flow)", PARTS, () -> scorecards.flow(k, year - 4, year).size());
            time(as + "visits done against due per month (TrendService.perMonth: kept counts per due month, V047)", PARTS,
                    () -> trends.perMonth(k).size());
            time(as + "business running by cohort (TrendService.cohorts)", PARTS, () -> trends.cohorts(k).size());
            time(as + "alerts (AlertService.forBeranda)", PARTS, this::alertCount);
            time(as + "latest audit events (AuditService.latest(15))", PARTS, () -> audit.latest(15).size());
        }
        TestAccounts.loginAs(officer);
        LocalDate first = LocalDate.now().withDayOfMonth(1).minusMonths(11);
        String naiveMonths = "SELECT DATE_FORMAT(due_on, '%Y-%m') m, done, COUNT(*) FROM monitoring_visit WHERE due_on BETWEEN '" + first
                + "' AND '" + first.plusMonths(12).minusDays(1) + "' GROUP BY m, done";
        time("naive: visits done against due per month, province, GROUP BY over the visits (the former query, raw JDBC)", NAIVE * 10,
                () -> rows(naiveMonths));
        EnumSet<Figure> counted = EnumSet.of(Figure.REGISTERED, Figure.VERIFIED, Figure.TRAINING_ENROLLED, Figure.TRAINING_COMPLETED,
                Figure.PROPOSALS_SUBMITTED, Figure.PROPOSALS_APPROVED, Figure.PROPOSALS_HANDED_OVER, Figure.APPROVED_RUPIAH,
                Figure.VISITS_BY_DUE_MONTH, Figure.VISITS_BY_DUE_MONTH_DONE);
        time("kept counts: the counted figures per kabupaten/kota (FigureCounts.byKabkota)", ITERATIONS, () -> counts.byKabkota(counted).size());
        time("naive: the same figures per kabupaten/kota by GROUP BY over the source tables (core_figure_source)", NAIVE,
                () -> counts.countedFromSources(counted, null).size());
        time("naive: " + district + "'s figures per kecamatan by GROUP BY over the source tables", NAIVE,
                () -> counts.countedFromSources(counted, district).size());
        assertThat(counts.countedFromSources(counted, null)).as("the kept counts agree with the GROUP BY").isEqualTo(counts.byKabkota(counted));

        line("");
        line("| monthly district report (%s, %s), district head | seconds | peak heap (MB) |".formatted(district, YearMonth.now()));
        line("|---|---|---|");
        TestAccounts.loginAs(head);
        for (ReportService.Format f : ReportService.Format.values()) {
            for (int run = 0; run < 3; run++) {
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long s0 = System.nanoTime();
                reports.export(district, YearMonth.now(), f, words(), OutputStream.nullOutputStream());
                double secs = (System.nanoTime() - s0) / 1e9;
                line(String.format(Locale.ROOT, "| %s, run %d | %.3f | %.0f |", f, run + 1, secs, peakHeapMb()));
            }
        }
        line("");
        line("Load average at the end: " + BenchSql.loadAverage());
        Files.writeString(Path.of("target", "beranda-benchmark.md"), String.join(System.lineSeparator(), report) + System.lineSeparator());
    }

    private void time(String what, int iterations, IntSupplier call) {
        line(Timings.measure(Math.min(WARMUP, Math.max(1, iterations / 5)), iterations, call).row(what));
    }

    private int alertCount() {
        AlertService.Panel p = alerts.forBeranda();
        return p.alerts().size() + p.districts().size();
    }

    private int rows(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportWords words() {
        Map<Indicator, String> columns = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            columns.put(i, i.name());
        }
        return new ReportWords("Laporan Bulanan", "Bench", "Kejadian bulan ini", "Keadaan per tanggal hari ini", "Kode", "Kecamatan",
                columns, "Jumlah", "Bulan ini", "Per tanggal", "");
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1024.0 / 1024.0;
    }

    private long count(String table) throws SQLException {
        return (long) BenchSql.number(dataSource, "SELECT COUNT(*) FROM " + table);
    }

    private void line(String s) {
        System.out.println(s);
        report.add(s);
    }
}
