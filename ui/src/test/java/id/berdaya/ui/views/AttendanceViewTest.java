package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import id.berdaya.training.partner.Partner;
import id.berdaya.ui.training.AttendanceView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The attendance sheet of one session: all present, then one tap per exception; a partner only at its own sessions. */
class AttendanceViewTest extends ViewTestSupport {

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired TrainingFixture fixture;

    @Test
    void thePartnerMarksItsOwnSessionWithTapsAndReachesNoOtherAndAClosedEventIsFrozen() {
        List<Long> people = fixture.verifiedPeople("33.03", 2);
        TrainingFixture.AgencyAccount aa = fixture.agencyWithAccount("Dinkes Uji Kehadiran", "33.03");
        Partner agency = aa.partner();
        BerdayaUser partnerUser = aa.user();
        loginAs("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        NewEvent n = fixture.event("33.03", new CompletionRule(null, null));
        TrainingEvent e = events.create(n);
        TrainingSession mine = events.addSession(e.id(), TrainingFixture.session(n, 0, agency.id()));
        TrainingSession other = events.addSession(e.id(), TrainingFixture.session(n, 1, null));
        events.changeStatus(e.id(), EventStatus.OPEN, events.get(e.id()).orElseThrow().version());
        List<Participant> ps = enrolment.enrol(e.id(), people);
        events.changeStatus(e.id(), EventStatus.RUNNING, events.get(e.id()).orElseThrow().version());

        TestAccounts.loginAs(partnerUser);
        String mySheet = "pelatihan/" + e.id() + "/sesi/" + mine.id() + "/kehadiran";
        navigate(mySheet, AttendanceView.class);
        test($(Button.class).id("attendance-all-present")).click();
        assertThat(attendance.sheet(mine.id())).containsEntry(ps.get(0).id(), AttendanceState.PRESENT)
                .containsEntry(ps.get(1).id(), AttendanceState.PRESENT);
        Button first = $(Button.class).id("attendance-" + ps.get(0).id());
        test(first).click();
        assertThat(first.getText()).endsWith("Terlambat");
        test(first).click();
        test(first).click();
        assertThat(attendance.sheet(mine.id())).containsEntry(ps.get(0).id(), AttendanceState.ABSENT);

        navigate("pelatihan/" + e.id() + "/sesi/" + other.id() + "/kehadiran", AttendanceView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Data tidak ditemukan");
        assertThat($(Button.class).all()).extracting(b -> b.getId().orElse("")).noneMatch(id -> id.startsWith("attendance-"));

        loginAs("uji.pel.head.33.03", Role.DISTRICT_HEAD, "33.03");
        events.close(e.id(), events.get(e.id()).orElseThrow().version());
        TestAccounts.loginAs(partnerUser);
        navigate(mySheet, AttendanceView.class);
        assertThat($(Button.class).all()).extracting(b -> b.getId().orElse("")).doesNotContain("attendance-all-present");
        assertThat($(Button.class).id("attendance-" + ps.get(0).id()).isEnabled()).isFalse();
    }
}
