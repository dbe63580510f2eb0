package id.berdaya.training.synthetic;

import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.TrainingTestApplication;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.event.EventFilter;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.event.EventService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The training data generator keeps the module's rules, on its own database (so that the other
 * training tests do not see its events): the exact counts asked for, participants only active
 * beneficiaries of the event's district and never in two events whose dates overlap, attendance
 * only at the sessions of the participant's event, a certificate for each completed result.
 */
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = TrainingTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/target/mariadb-synthetic-training-test/data",
        "berdaya.embedded.fresh=true",
        "berdaya.embedded.port=0"})
class SyntheticTrainingTest {

    @Autowired SyntheticRegister register;
    @Autowired SyntheticTraining training;
    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void generatesExactlyWhatWasAskedWithinTheRules() throws SQLException {
        register.generate(20_000, 11, SyntheticRegister.GENERATOR, 2, 0.005);
        SyntheticTraining.Result r = training.generate(200, 10_000, 11);

        assertThat(r.events()).isEqualTo(200);
        assertThat(r.attendance()).isEqualTo(10_000);
        assertThat(count("SELECT COUNT(*) FROM training_event")).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM training_attendance")).isEqualTo(10_000);
        assertThat(count("SELECT COUNT(*) FROM training_participant")).isEqualTo(r.participants()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM training_participant p JOIN registry_beneficiary b ON b.id = p.beneficiary_id "
                + "WHERE b.status <> 'ACTIVE' OR b.kabkota_code <> p.kabkota_code OR b.full_name <> p.full_name"))
                .as("participants who are not active beneficiaries of the event's district").isZero();
        assertThat(count("SELECT COUNT(*) FROM training_participant p JOIN training_event e ON e.id = p.event_id "
                + "WHERE p.kabkota_code <> e.kabkota_code OR p.start_date <> e.start_date OR p.end_date <> e.end_date"))
                .as("participants whose district or dates are not their event's").isZero();
        assertThat(count("SELECT COUNT(*) FROM training_participant a JOIN training_participant b ON b.beneficiary_id = a.beneficiary_id "
                + "AND b.id > a.id AND b.start_date <= a.end_date AND a.start_date <= b.end_date"))
                .as("people in two events whose dates overlap").isZero();
        assertThat(count("SELECT COUNT(*) FROM training_attendance a JOIN training_session s ON s.id = a.session_id "
                + "JOIN training_participant p ON p.id = a.participant_id WHERE s.event_id <> p.event_id"))
                .as("attendance at another event's session").isZero();
        assertThat(count("SELECT COUNT(*) FROM training_result r LEFT JOIN training_certificate c ON c.participant_id = r.participant_id "
                + "WHERE (r.result = 'COMPLETED') <> (c.id IS NOT NULL)"))
                .as("completed results without a certificate, or certificates without one").isZero();
        assertThat(count("SELECT COUNT(*) FROM training_certificate c JOIN region_kabkota k ON k.code = c.kabkota_code "
                + "WHERE c.issuer_name <> CONCAT(IF(k.type = 'KOTA', 'Kota ', 'Kabupaten '), k.name)"))
                .as("certificates whose issuer is not their district by name").isZero();
        assertThat(count("SELECT COUNT(*) FROM training_event WHERE status = 'RUNNING'")).isEqualTo(1);

        assertThatThrownBy(() -> training.generate(10, 500, 12)).as("a second run on top could enrol someone twice at once")
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT COUNT(*) FROM training_event")).isEqualTo(200);

        TestAccounts.loginAs(accounts.ensure("uji.sintetis.verifikator", Role.PROVINCE_OFFICER, null));
        assertThat(events.list(EventFilter.ALL)).hasSize(200);
        long completer = count("SELECT MIN(beneficiary_id) FROM training_result WHERE result = 'COMPLETED'");
        assertThat(attendance.completedTrainings(completer)).isNotEmpty();
        assertThat(enrolment.participations(completer)).isNotEmpty();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
