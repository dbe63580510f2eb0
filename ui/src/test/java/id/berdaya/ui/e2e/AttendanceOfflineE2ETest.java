package id.berdaya.ui.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendance sheet in Chromium survives a dropped connection: taps made offline change the
 * rows at once, wait in localStorage, and reach the server when the browser is back online; taps
 * whose calls were lost reach it when the page is opened again. One tap online is one server
 * round trip.
 */
class AttendanceOfflineE2ETest extends BrowserTestSupport {

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired TrainingFixture fixture;
    @Autowired TestAccounts accounts;

    @Test
    void tapsMadeOfflineReachTheServerOnceTheConnectionIsBackAndLostCallsAreReplayedOnTheNextVisit() {
        List<Long> people = fixture.verifiedPeople("33.03", 4);
        var operator = accounts.ensure("uji.e2e.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        TestAccounts.loginAs(operator);
        NewEvent n = fixture.event("33.03", new CompletionRule(null, null));
        TrainingEvent e = events.create(n);
        TrainingSession session = events.addSession(e.id(), TrainingFixture.session(n, 0, null));
        events.changeStatus(e.id(), EventStatus.OPEN, events.get(e.id()).orElseThrow().version());
        List<Participant> ps = enrolment.enrol(e.id(), people);
        events.changeStatus(e.id(), EventStatus.RUNNING, events.get(e.id()).orElseThrow().version());
        TestAccounts.logout();
        long a = ps.get(0).id();
        long b = ps.get(1).id();
        long c = ps.get(2).id();
        long d = ps.get(3).id();
        String sheet = url("/pelatihan/" + e.id() + "/sesi/" + session.id() + "/kehadiran");
        String queueKey = "berdaya.kehadiran." + session.id() + ".operator.purbalingga";

        login("operator.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(sheet);
        assertThat(page.locator("#attendance-" + a)).isVisible();

        // online: one tap, one server round trip, the queue empties
        AtomicInteger uidl = new AtomicInteger();
        Consumer<Request> counter = r -> {
            if (r.url().contains("v-r=uidl")) {
                uidl.incrementAndGet();
            }
        };
        page.onRequest(counter);
        page.locator("#attendance-" + a).click();
        waitForEmptyQueue(queueKey);
        page.offRequest(counter);
        assertThat(uidl.get()).isEqualTo(1);
        assertThat(server(operator, session)).containsOnly(Map.entry(a, AttendanceState.PRESENT));

        // offline: the rows change at once, the taps wait in the browser
        context.setOffline(true);
        page.locator("#attendance-" + b).click();
        page.locator("#attendance-" + c).click();
        page.locator("#attendance-" + c).click();
        page.locator("#attendance-" + a).click();
        assertThat(page.locator("#attendance-" + c)).hasAttribute("data-state", "LATE");
        assertThat(page.locator("#attendance-" + a)).hasAttribute("data-state", "LATE");
        assertThat(page.locator("#attendance-" + c)).containsText("Terlambat");
        assertThat(queued(queueKey)).isEqualTo(4);
        assertThat(server(operator, session)).containsOnly(Map.entry(a, AttendanceState.PRESENT));

        // back online: every tap arrives, in order, once
        context.setOffline(false);
        waitForEmptyQueue(queueKey);
        assertThat(server(operator, session)).containsOnly(Map.entry(a, AttendanceState.LATE), Map.entry(b, AttendanceState.PRESENT),
                Map.entry(c, AttendanceState.LATE));

        // the calls are lost (the server never sees them) and the tablet leaves the page: the next visit sends them
        page.route("**/*v-r=uidl*", route -> route.abort());
        page.locator("#attendance-" + d).click();
        page.locator("#attendance-" + b).click();
        assertThat(page.locator("#attendance-" + d)).hasAttribute("data-state", "PRESENT");
        assertThat(queued(queueKey)).isEqualTo(2);
        page.close();
        assertThat(server(operator, session)).doesNotContainKey(d).containsEntry(b, AttendanceState.PRESENT);
        page = context.newPage();
        page.navigate(sheet);
        assertThat(page.locator("#attendance-" + d)).hasAttribute("data-state", "PRESENT");
        waitForEmptyQueue(queueKey);
        assertThat(server(operator, session)).containsOnly(Map.entry(a, AttendanceState.LATE), Map.entry(b, AttendanceState.LATE),
                Map.entry(c, AttendanceState.LATE), Map.entry(d, AttendanceState.PRESENT));
        assertThat(page.locator("#attendance-" + b)).hasAttribute("data-state", "LATE");
    }

    private void waitForEmptyQueue(String key) {
        page.waitForFunction("k => localStorage.getItem(k) === null", key, new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    private int queued(String key) {
        return ((Number) page.evaluate("k => JSON.parse(localStorage.getItem(k) || '[]').length", key)).intValue();
    }

    private Map<Long, AttendanceState> server(id.berdaya.core.security.BerdayaUser operator, TrainingSession session) {
        TestAccounts.loginAs(operator);
        try {
            return attendance.sheet(session.id());
        } finally {
            TestAccounts.logout();
        }
    }
}
