package id.berdaya.monitoring.bench;

import id.berdaya.core.bench.BenchSql;
import id.berdaya.core.bench.Timings;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.synthetic.SyntheticGrants;
import id.berdaya.monitoring.MonitoringTestApplication;
import id.berdaya.monitoring.figures.MonitoringFigures;
import id.berdaya.monitoring.synthetic.SyntheticMonitoring;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.monitoring.visit.Worklist;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.synthetic.SyntheticTraining;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring at scale (issue 12): monitoring's FigureSource per kabupaten/kota (provincial officer)
 * and per kecamatan (district head), the district head's and a field officer's worklist, and the
 * cohort chart (kept counts) beside the naive GROUP BY it replaced (visits joined to their
 * follow-ups), on about 100,000 synthetic handovers with 400,000 visits (on 1,000,000 synthetic
 * beneficiaries), through the services as a logged-in user. The synthetic visits are unassigned:
 * the open visits of the district's busiest kecamatan are given to one bench field officer. The
 * database lives in {@code target/mariadb-monitoring-bench} (or {@code -Dbench.dir}), generated once.
 * Prints the SQL of each figure with its {@code EXPLAIN} and p50/p95/max; also written to
 * {@code target/monitoring-scale-benchmark.md}. Tag {@code bench}: not part of {@code verify}.
 */
@Tag("bench")
@Import(BenchSql.Capture.class)
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = MonitoringTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/${bench.dir:target/mariadb-monitoring-bench}/data",
        "berdaya.embedded.fresh=false",
        "berdaya.embedded.port=0"})
class MonitoringScaleBench {

    static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 500);

    @Autowired MonitoringFigures figures;
    @Autowired VisitService visits;
    @Autowired TrendService trend;
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

    /** A measured call: its name, as whom, and what it does (answers the rows it read). */
    record Figure(String name, BerdayaUser user, IntSupplier call) {
    }

    @Test
    void monitoringAtScale() throws Exception {
        ensureData();
        String district = BenchSql.string(dataSource, "SELECT kabkota_code FROM monitoring_visit WHERE NOT done GROUP BY kabkota_code "
                + "ORDER BY COUNT(*) DESC LIMIT 1");
        String kecamatan = BenchSql.string(dataSource, "SELECT kecamatan_code FROM monitoring_visit WHERE NOT done AND kabkota_code = '"
                + district + "' GROUP BY kecamatan_code ORDER BY COUNT(*) DESC LIMIT 1");
        BerdayaUser head = accounts.ensure("bench.pantau.kadinsos", Role.DISTRICT_HEAD, district);
        BerdayaUser officer = accounts.ensure("bench.pantau.pendamping", Role.FIELD_OFFICER, district);
        BerdayaUser province = accounts.ensure("bench.pantau.verifikator", Role.PROVINCE_OFFICER, null);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE monitoring_visit SET officer_id = " + officer.id() + " WHERE NOT done AND kecamatan_code = '"
                    + kecamatan + "' AND officer_id IS NULL");
        }
        LocalDate today = LocalDate.now();
        line("Monitoring scale benchmark, %s: %,d beneficiaries, %,d handovers, %,d follow-ups, %,d visits (%,d done, %,d open of which %,d overdue), %,d movements, %,d flags; district %s (%,d open visits), field officer's kecamatan %s (%,d open visits); warm-up %,d, iterations %,d per figure; load average %s"
                .formatted(Instant.now(), count("registry_beneficiary"), count("grants_handover"), count("monitoring_case"),
                        count("monitoring_visit"), (long) BenchSql.number(dataSource, "SELECT COUNT(*) FROM monitoring_visit WHERE done"),
                        (long) BenchSql.number(dataSource, "SELECT COUNT(*) FROM monitoring_visit WHERE NOT done"),
                        (long) BenchSql.number(dataSource, "SELECT COUNT(*) FROM monitoring_visit WHERE NOT done AND due_on < CURRENT_DATE"),
                        count("monitoring_movement"), count("monitoring_flag"), district,
                        (long) BenchSql.number(dataSource, "SELECT COUNT(*) FROM monitoring_visit WHERE NOT done AND kabkota_code = '" + district + "'"),
                        kecamatan, (long) BenchSql.number(dataSource, "SELECT COUNT(*) FROM monitoring_visit WHERE NOT done AND officer_id = " + officer.id()),
                        WARMUP, ITERATIONS, BenchSql.loadAverage()));

        String naive = "SELECT CONCAT(YEAR(c.handed_on), '-Q', QUARTER(c.handed_on)) q, v.month_offset, v.business, COUNT(*) "
                + "FROM monitoring_visit v JOIN monitoring_case c ON c.id = v.case_id WHERE v.done AND v.month_offset IN (6, 12) "
                + "AND c.handed_on >= '" + today.minusYears(3) + "' AND v.person_met GROUP BY q, v.month_offset, v.business";
        List<Figure> list = List.of(
                new Figure("FigureSource.byKabkota, provincial officer", province, () -> figures.byKabkota(today).size()),
                new Figure("FigureSource.byKecamatan " + district + ", district head", head, () -> figures.byKecamatan(district, today).size()),
                new Figure("worklist, district head of " + district, head,
                        () -> visits.worklist(new Worklist.Filter(district, null, false)).all().size()),
                new Figure("worklist, field officer of " + kecamatan, officer, () -> visits.worklist(Worklist.Filter.all()).all().size()),
                new Figure("cohorts, province (kept counts), provincial officer", province, () -> trend.cohorts(null).size()),
                new Figure("cohorts, province, naive GROUP BY over the visits (the former query, raw JDBC)", province, () -> rows(naive)),
                new Figure("cohorts, " + district + " (kept counts), district head", head, () -> trend.cohorts(district).size()),
                new Figure("visits done against due per month, province, provincial officer", province, () -> trend.perMonth(null).size()));
        for (Figure f : list) {
            TestAccounts.loginAs(f.user());
            int[] rows = new int[1];
            List<String> sent = BenchSql.Capture.during(() -> rows[0] = f.call().getAsInt());
            line("");
            line("### " + f.name() + " (" + rows[0] + " rows)");
            for (String sql : sent.isEmpty() ? List.of(naive) : sent) {
                BenchSql.explain(dataSource, sql, this::line);
            }
        }
        line("");
        line(Timings.header());
        for (Figure f : list) {
            TestAccounts.loginAs(f.user());
            line(Timings.measure(WARMUP, ITERATIONS, f.call()).row(f.name()));
        }
        line("");
        line("Load average at the end: " + BenchSql.loadAverage());
        Files.write(Path.of("target/monitoring-scale-benchmark.md"), report);
        assertThat(count("monitoring_visit")).isPositive();
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

    void ensureData() throws Exception {
        new ScaleData(register, training, grants, monitoring, dataSource, ScaleData.DIR).ensure();
    }

    private long count(String table) throws SQLException {
        return (long) BenchSql.number(dataSource, "SELECT COUNT(*) FROM " + table);
    }

    private void line(String s) {
        System.out.println(s);
        report.add(s);
    }
}
