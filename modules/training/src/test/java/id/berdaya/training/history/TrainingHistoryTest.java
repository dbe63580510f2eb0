package id.berdaya.training.history;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.TrainingTestApplication;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.attendance.CompletedTraining;
import id.berdaya.training.attendance.ResultStatus;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's training history and the grants module's question, as {@link TrainingService} answers them. */
@SpringBootTest(classes = TrainingTestApplication.class)
class TrainingHistoryTest {

    static final String PBG = "33.03";

    @Autowired TrainingService training;
    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired TrainingFixture fixture;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void theHistoryGivesEachEventWithShareResultAndCertificateAndTheGrantsQuestionTheCompletedOnes() {
        List<Long> people = fixture.verifiedPeople(PBG, 2);
        TestAccounts.loginAs(accounts.ensure("uji.pel.head." + PBG, Role.DISTRICT_HEAD, PBG));
        NewEvent n = fixture.event(PBG, new CompletionRule(new BigDecimal("80"), null));
        TrainingEvent e = events.create(n);
        events.addSession(e.id(), TrainingFixture.session(n, 0, null));
        events.addSession(e.id(), TrainingFixture.session(n, 1, null));
        events.changeStatus(e.id(), EventStatus.OPEN, events.get(e.id()).orElseThrow().version());
        List<Participant> ps = enrolment.enrol(e.id(), people);
        events.changeStatus(e.id(), EventStatus.RUNNING, events.get(e.id()).orElseThrow().version());
        List<TrainingSession> sessions = events.sessions(e.id());
        Participant both = ps.stream().filter(p -> p.beneficiaryId().equals(people.get(0))).findFirst().orElseThrow();
        Participant half = ps.stream().filter(p -> p.beneficiaryId().equals(people.get(1))).findFirst().orElseThrow();
        attendance.markEveryone(sessions.get(0).id(), AttendanceState.PRESENT);

        // while it runs: the share of the event's sessions attended so far (as the recap counts), no result, no certificate
        assertThat(training.history(half.beneficiaryId())).singleElement().satisfies(h -> {
            assertThat(h.eventStatus()).isEqualTo(EventStatus.RUNNING);
            assertThat(h.attendancePct()).isEqualByComparingTo("50.0");
            assertThat(h.result()).isNull();
            assertThat(h.certificate()).isNull();
        });
        assertThat(training.hasCompletedTraining(both.beneficiaryId())).isFalse();

        attendance.mark(sessions.get(1).id(), both.id(), AttendanceState.LATE);
        attendance.mark(sessions.get(1).id(), half.id(), AttendanceState.ABSENT);
        events.close(e.id(), events.get(e.id()).orElseThrow().version());

        assertThat(training.history(both.beneficiaryId())).singleElement().satisfies(h -> {
            assertThat(h.eventId()).isEqualTo(e.id());
            assertThat(h.publicTitle()).isEqualTo(n.publicTitle());
            assertThat(h.participantStatus()).isEqualTo(ParticipantStatus.ENROLLED);
            assertThat(h.attendancePct()).isEqualByComparingTo("100.0");
            assertThat(h.result()).isEqualTo(ResultStatus.COMPLETED);
            assertThat(h.certificate()).isNotNull();
            assertThat(h.certificate().valid()).isTrue();
        });
        assertThat(training.history(half.beneficiaryId())).singleElement().satisfies(h -> {
            assertThat(h.attendancePct()).isEqualByComparingTo("50.0");
            assertThat(h.result()).isEqualTo(ResultStatus.NOT_COMPLETED);
            assertThat(h.reasons()).containsExactly(CompletionRule.ATTENDANCE_LOW);
            assertThat(h.certificate()).isNull();
        });
        assertThat(training.completedTrainings(both.beneficiaryId()))
                .containsExactly(new CompletedTraining(e.id(), both.id(), e.endDate()))
                .isEqualTo(attendance.completedTrainings(both.beneficiaryId()));
        assertThat(training.hasCompletedTraining(both.beneficiaryId())).isTrue();
        assertThat(training.hasCompletedTraining(half.beneficiaryId())).isFalse();

        // another district knows nothing of them
        TestAccounts.loginAs(accounts.ensure("uji.pel.op.pkl", Role.DISTRICT_OPERATOR, "33.26"));
        assertThat(training.history(both.beneficiaryId())).isEmpty();
        assertThat(training.hasCompletedTraining(both.beneficiaryId())).isFalse();
    }

    /** The detail page shows the history from mayReadHistory: it must say yes exactly when method security lets history through. */
    @Test
    void mayReadHistoryIsExactlyWhatMethodSecurityLetsThrough() {
        List<BerdayaUser> users = List.of(accounts.ensure("uji.pel.admin", Role.PROVINCE_ADMIN, null),
                accounts.ensure("uji.pel.verif", Role.PROVINCE_OFFICER, null),
                accounts.ensure("uji.pel.head." + PBG, Role.DISTRICT_HEAD, PBG),
                accounts.ensure("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, PBG),
                accounts.ensure("uji.pel.field.pbg", Role.FIELD_OFFICER, PBG),
                accounts.ensure("uji.pel.mitra.riwayat", Role.PARTNER, PBG));
        for (BerdayaUser u : users) {
            TestAccounts.loginAs(u);
            boolean passes;
            try {
                training.history(-1);
                passes = true;
            } catch (AccessDeniedException denied) {
                passes = false;
            }
            assertThat(training.mayReadHistory()).as(u.role().name()).isEqualTo(passes);
            assertThat(passes).as(u.role().name()).isEqualTo(u.role() != Role.PARTNER);
        }
        TestAccounts.logout();
        assertThatThrownBy(() -> training.mayReadHistory()).isInstanceOf(RuntimeException.class);
    }
}
