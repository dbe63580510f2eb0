package id.berdaya.training.bench;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.TrainingTestApplication;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.NewSession;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing an event of 100 participants × 12 sessions (one transaction: results and certificates),
 * and the printable PDF of its 100 certificates. Not part of `verify`; run with
 * {@code ./mvnw -o -B -q -pl modules/training -am test -Dbench.excludedGroups=none -Dgroups=bench -Dtest=ClosingBench -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code modules/training/target/surefire-reports/id.berdaya.training.bench.ClosingBench-output.txt}.
 */
@Tag("bench")
@SpringBootTest(classes = TrainingTestApplication.class)
class ClosingBench {

    static final int PEOPLE = 100;
    static final int SESSIONS = 12;

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired CertificateService certificates;
    @Autowired TrainingFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;

    @Test
    void closeOneHundredParticipantsOfTwelveSessionsAndPrintTheirCertificates() throws SQLException {
        List<Long> people = fixture.verifiedPeople("33.03", PEOPLE);
        BerdayaUser head = TestAccounts.loginAs(accounts.ensure("uji.bench.head", Role.DISTRICT_HEAD, "33.03"));
        NewEvent f = fixture.event("33.03", null);
        NewEvent n = new NewEvent(f.kabkotaCode(), f.budgetYear(), f.internalTitle(), f.publicTitle(), f.kind(), f.venue(),
                f.startDate(), f.endDate(), f.targetCategories(), PEOPLE, f.rule(), f.signatoryName(), f.signatoryPosition());
        long id = events.create(n).id();
        for (int i = 0; i < SESSIONS; i++) {
            events.addSession(id, new NewSession(n.startDate().plusDays(i % 5), LocalTime.of(7 + i / 5 * 3, 0),
                    LocalTime.of(9 + i / 5 * 3, 0), "Materi " + (i + 1), "Fasilitator Uji", null, null, null));
        }
        events.changeStatus(id, EventStatus.OPEN, events.get(id).orElseThrow().version());
        List<Participant> ps = enrolment.enrol(id, people);
        events.changeStatus(id, EventStatus.RUNNING, events.get(id).orElseThrow().version());
        List<TrainingSession> sessions = events.sessions(id);
        for (TrainingSession s : sessions) {
            attendance.markEveryone(s.id(), AttendanceState.PRESENT);
        }
        for (int i = 0; i < ps.size(); i++) {
            attendance.recordScores(ps.get(i).id(), BigDecimal.valueOf(40), BigDecimal.valueOf(i % 10 == 0 ? 50 : 75));
            if (i % 10 == 1) {
                for (TrainingSession s : sessions.subList(0, 4)) {
                    attendance.mark(s.id(), ps.get(i).id(), AttendanceState.ABSENT);
                }
            }
        }

        TrainingEvent running = events.get(id).orElseThrow();
        long q0 = questions();
        long t0 = System.nanoTime();
        events.close(id, running.version());
        long closeMicros = (System.nanoTime() - t0) / 1_000;
        long statements = questions() - q0;
        int issued = certificates.ofEvent(id).size();
        assertThat(issued).isEqualTo(80);

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t1 = System.nanoTime();
        byte[] pdf = certificates.eventPdf(id);
        long pdfMillis = (System.nanoTime() - t1) / 1_000_000;
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("Closing %d participants x %d sessions: %.1f ms, %d statements at the server (one transaction), %d certificates%n",
                PEOPLE, SESSIONS, closeMicros / 1000.0, statements, issued);
        System.out.printf("PDF of %d certificates: %d ms, %d KiB, heap grew by about %d MiB while rendering%n",
                issued, pdfMillis, pdf.length / 1024, Math.max(0, after - before) / (1024 * 1024));
        assertThat(head).isNotNull();
    }

    private long questions() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
