package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
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
import id.berdaya.ui.training.EventDetailView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendance sheet of one session: its rows carry the state for the browser's tap queue, the
 * queue's calls ({@code taps}) are applied once and answered in full; a partner only at its own
 * sessions; a closed event is frozen. (The browser's part, offline included: TrainingE2ETest.)
 */
class AttendanceViewTest extends ViewTestSupport {

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired TrainingFixture fixture;

    @Test
    void thePartnersTapsAreAppliedOnceAndItReachesNoOtherSessionAndAClosedEventIsFrozen() {
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
        long a = ps.get(0).id();
        long b = ps.get(1).id();

        TestAccounts.loginAs(partnerUser);
        String mySheet = "pelatihan/" + e.id() + "/sesi/" + mine.id() + "/kehadiran";
        AttendanceView view = navigate(mySheet, AttendanceView.class);
        assertThat($(Button.class).id("attendance-all-present").isVisible()).isTrue();
        assertThat(rows()).contains("id=\"attendance-" + a + "\" data-participant=\"" + a + "\" data-state=\"\">"
                + "<span class=\"berdaya-attendance-name\">" + ps.get(0).fullName() + "</span><span class=\"berdaya-attendance-state\">belum dicatat<");
        assertThat($(Upload.class).id("attendance-signed-sheet-upload")).isNotNull();
        assertThat($(Anchor.class).id("attendance-sign-in-sheet")).isNotNull();

        // "all present", then one exception; the whole queue comes again after a dropped answer
        String queue = a + ":PRESENT:100," + b + ":PRESENT:100," + a + ":LATE:101";
        assertThat(view.taps(queue)).isEqualTo("{\"done\":[\"" + a + ":100\",\"" + b + ":100\",\"" + a + ":101\"],\"now\":{\""
                + a + "\":[\"LATE\",101],\"" + b + "\":[\"PRESENT\",100]}}");
        assertThat(view.taps(queue)).contains("\"" + a + "\":[\"LATE\",101]");
        assertThat(attendance.sheet(mine.id())).containsEntry(a, AttendanceState.LATE).containsEntry(b, AttendanceState.PRESENT);
        // garbage is answered with nothing done
        assertThat(view.taps(a + ":GONE:1,x")).isEqualTo("{\"done\":[],\"now\":{}}");
        // the page drawn again shows the record and the sequences
        navigate(mySheet, AttendanceView.class);
        assertThat(rows()).contains("id=\"attendance-" + a + "\" data-participant=\"" + a + "\" data-state=\"LATE\">")
                .contains("Terlambat");

        navigate("pelatihan/" + e.id() + "/sesi/" + other.id() + "/kehadiran", AttendanceView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Data tidak ditemukan");
        assertThat($(Button.class).all()).extracting(x -> x.getId().orElse("")).noneMatch(id -> id.startsWith("attendance-"));
        assertThat($(Div.class).all()).extracting(x -> x.getId().orElse("")).doesNotContain("attendance-list");

        loginAs("uji.pel.head.33.03", Role.DISTRICT_HEAD, "33.03");
        events.close(e.id(), events.get(e.id()).orElseThrow().version());
        TestAccounts.loginAs(partnerUser);
        view = navigate(mySheet, AttendanceView.class);
        assertThat($(Button.class).all()).extracting(x -> x.getId().orElse("")).doesNotContain("attendance-all-present");
        assertThat(rows()).contains("data-participant=\"" + a + "\" data-state=\"LATE\" disabled>");
        // a tap queued before the closing is answered (so the tablet drops it) and changes nothing
        assertThat(view.taps(a + ":ABSENT:102")).isEqualTo("{\"done\":[\"" + a + ":102\"],\"now\":{\"" + a + "\":[\"LATE\",101]}}");
        assertThat(attendance.sheet(mine.id())).containsEntry(a, AttendanceState.LATE);
    }

    /** The rows' markup: one element's innerHTML, which the browser's script takes over. */
    private String rows() {
        return $(Div.class).id("attendance-list").getElement().getProperty("innerHTML");
    }

    @Test
    void theEventOffersTheRecapAsXlsxAndPdfToStaffButNotToAPartner() {
        TrainingFixture.AgencyAccount aa = fixture.agencyWithAccount("Polres Uji Rekap", "33.03");
        loginAs("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        NewEvent n = fixture.event("33.03", null);
        TrainingEvent e = events.create(n);
        events.addSession(e.id(), TrainingFixture.session(n, 0, aa.partner().id()));
        navigate("pelatihan/" + e.id(), EventDetailView.class);
        assertThat($(Anchor.class).all()).extracting(x -> x.getId().orElse("")).contains("training-recap-xlsx", "training-recap-pdf");

        TestAccounts.loginAs(aa.user());
        navigate("pelatihan/" + e.id(), EventDetailView.class);
        assertThat($(Anchor.class).all()).extracting(x -> x.getId().orElse("")).doesNotContain("training-recap-xlsx", "training-recap-pdf");
    }
}
