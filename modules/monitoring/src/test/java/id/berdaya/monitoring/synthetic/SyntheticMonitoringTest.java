package id.berdaya.monitoring.synthetic;

import id.berdaya.core.bench.BenchSql;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.synthetic.SyntheticGrants;
import id.berdaya.monitoring.MonitoringTestApplication;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.monitoring.trend.VisitFigures;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.synthetic.SyntheticTraining;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring data generator, on its own database: a follow-up for each synthetic handover in
 * force with four visits, done ones in the past, balances that are the sum of their movements, and
 * the kept counts (tally and cohorts) equal to a GROUP BY over the generated rows.
 */
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = MonitoringTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/target/mariadb-synthetic-monitoring-test/data",
        "berdaya.embedded.fresh=true",
        "berdaya.embedded.port=0"})
class SyntheticMonitoringTest {

    @Autowired SyntheticRegister register;
    @Autowired SyntheticTraining training;
    @Autowired SyntheticGrants grants;
    @Autowired SyntheticMonitoring monitoring;
    @Autowired TrendService trend;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void generatesFollowUpsWhoseKeptCountsAgreeWithAGroupByOverTheRows() throws SQLException {
        register.generate(20_000, 13, SyntheticRegister.GENERATOR, 2, 0.005);
        training.generate(200, 10_000, 13);
        grants.generate(0.8, 100_000, 13);
        SyntheticMonitoring.Result r = monitoring.generate(13);

        long handed = count("SELECT COUNT(*) FROM grants_handover WHERE voided_at IS NULL");
        assertThat(r.cases()).isPositive().isEqualTo((int) handed);
        assertThat(count("SELECT COUNT(*) FROM monitoring_case")).isEqualTo(handed);
        assertThat(count("SELECT COUNT(*) FROM monitoring_visit")).isEqualTo(r.visits()).isEqualTo(4 * handed);
        assertThat(count("SELECT COUNT(*) FROM monitoring_visit WHERE done")).isEqualTo(r.done()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM monitoring_visit WHERE NOT done AND due_on < CURRENT_DATE")).as("overdue").isPositive();
        assertThat(count("SELECT COUNT(*) FROM monitoring_visit WHERE NOT done AND due_on > CURRENT_DATE")).as("upcoming").isPositive();
        assertThat(count("SELECT COUNT(*) FROM monitoring_visit WHERE done AND (visited_on > CURRENT_DATE OR visited_on < "
                + "(SELECT handed_on FROM monitoring_case c WHERE c.id = case_id))")).as("visits outside their time").isZero();
        assertThat(count("SELECT COUNT(*) FROM monitoring_visit v JOIN monitoring_case c ON c.id = v.case_id "
                + "JOIN grants_handover h ON h.id = c.handover_id WHERE v.due_on <> DATE_ADD(h.handed_on, INTERVAL v.month_offset MONTH)"))
                .as("due dates not the handover's plus the offset").isZero();
        assertThat(count("SELECT COUNT(*) FROM monitoring_movement WHERE kind IN ('BORN', 'SOLD', 'DIED')")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM monitoring_flag")).isEqualTo(r.flags()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM monitoring_asset a WHERE a.balance <> (SELECT SUM(IF(m.kind IN ('HANDED_OVER', 'BORN'), "
                + "m.quantity, -m.quantity)) FROM monitoring_movement m WHERE m.asset_id = a.id)")).as("balances not their movements").isZero();
        double running = BenchSql.number(dataSource, "SELECT AVG(business <> 'STOPPED') FROM monitoring_visit WHERE month_offset = 6 "
                + "AND person_met");
        assertThat(running).as("business running at 6 months").isBetween(0.65, 0.9);

        // the kept counts against a GROUP BY over the rows
        assertThat(count("SELECT COUNT(*) FROM (SELECT kabkota_code, kecamatan_code, 'VISITS_DONE' figure, COUNT(*) n FROM monitoring_visit "
                + "WHERE done GROUP BY kabkota_code, kecamatan_code "
                + "UNION ALL SELECT kabkota_code, kecamatan_code, CONCAT('VISITED_', month_offset, 'M'), COUNT(*) FROM monitoring_visit "
                + "WHERE done AND person_met AND month_offset IN (6, 12) GROUP BY kabkota_code, kecamatan_code, month_offset "
                + "UNION ALL SELECT kabkota_code, kecamatan_code, CONCAT('RUNNING_', month_offset, 'M'), COUNT(*) FROM monitoring_visit "
                + "WHERE done AND person_met AND business <> 'STOPPED' AND month_offset IN (6, 12) "
                + "GROUP BY kabkota_code, kecamatan_code, month_offset "
                + "UNION ALL SELECT kabkota_code, kecamatan_code, 'OPEN_FLAGS', COUNT(*) FROM monitoring_flag WHERE closed_on IS NULL "
                + "GROUP BY kabkota_code, kecamatan_code) g "
                + "LEFT JOIN monitoring_tally t ON t.kabkota_code = g.kabkota_code AND t.kecamatan_code = g.kecamatan_code "
                + "AND t.figure = g.figure WHERE t.n IS NULL OR t.n <> g.n")).as("counts the tally lacks or gets wrong").isZero();
        assertThat(count("SELECT COUNT(*) FROM monitoring_tally")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM (SELECT c.kabkota_code, c.kecamatan_code, "
                + "MAKEDATE(YEAR(c.handed_on), 1) + INTERVAL (QUARTER(c.handed_on) - 1) QUARTER q, "
                + "SUM(v.month_offset = 6) v6, SUM(v.month_offset = 6 AND v.business <> 'STOPPED') r6, "
                + "SUM(v.month_offset = 12) v12, SUM(v.month_offset = 12 AND v.business <> 'STOPPED') r12 "
                + "FROM monitoring_visit v JOIN monitoring_case c ON c.id = v.case_id "
                + "WHERE v.done AND v.person_met AND v.month_offset IN (6, 12) GROUP BY 1, 2, 3) g "
                + "LEFT JOIN monitoring_cohort k ON k.kabkota_code = g.kabkota_code AND k.kecamatan_code = g.kecamatan_code "
                + "AND k.handed_quarter = g.q WHERE k.id IS NULL OR (k.visited_6m, k.running_6m, k.visited_12m, k.running_12m) "
                + "<> (g.v6, g.r6, g.v12, g.r12)")).as("cohorts the table lacks or gets wrong").isZero();
        assertThat(count("SELECT SUM(visited_6m + visited_12m) FROM monitoring_cohort"))
                .isEqualTo(count("SELECT COUNT(*) FROM monitoring_visit WHERE done AND person_met AND month_offset IN (6, 12)"));

        // the service reads them as it reads real work
        TestAccounts.loginAs(accounts.ensure("uji.sintetis.verif", Role.PROVINCE_OFFICER, null));
        List<VisitFigures.Cohort> cohorts = trend.cohorts(null);
        assertThat(cohorts).isNotEmpty();
        assertThat(cohorts.stream().mapToLong(VisitFigures.Cohort::visited6).sum())
                .isEqualTo(count("SELECT COUNT(*) FROM monitoring_visit v JOIN monitoring_case c ON c.id = v.case_id WHERE v.done "
                        + "AND v.person_met AND v.month_offset = 6 AND c.handed_on >= '" + quarterThreeYearsAgo() + "'"));
    }

    private static LocalDate quarterThreeYearsAgo() {
        LocalDate d = LocalDate.now().minusYears(3);
        return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private long count(String sql) throws SQLException {
        return (long) BenchSql.number(dataSource, sql);
    }
}
