package id.berdaya.ui.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.TrainingSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's benchmark of the attendance view with 100 participants, in Chromium against the
 * application in this JVM: server round trips (Vaadin UIDL requests) per tap, tapped one by one as
 * a person does (each tap waits until its queue is empty), tapped as fast as the page takes clicks,
 * and "all present"; and the server heap per UI session with the sheet open (10 browser contexts,
 * each logged in, heap after GC against the heap before they were opened, and against the same
 * sessions on a small page). Run with
 * {@code ./mvnw -B -q -pl ui -am test -Dbench.excludedGroups=none -Dgroups=bench -Dtest=AttendanceBench -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code ui/target/attendance-bench.md}.
 */
@Tag("bench")
class AttendanceBench extends BrowserTestSupport {

    static final int PEOPLE = 100;
    static final int SESSIONS_OPEN = Integer.getInteger("bench.uiSessions", 10);

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired TrainingFixture fixture;
    @Autowired TestAccounts accounts;

    @Test
    void roundTripsPerTapAndMemoryPerUiSession() throws Exception {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000); // a loaded machine
        List<Long> people = fixture.verifiedPeople("33.03", PEOPLE);
        var operator = accounts.ensure("uji.e2e.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        TestAccounts.loginAs(operator);
        NewEvent f = fixture.event("33.03", null);
        NewEvent n = new NewEvent(f.kabkotaCode(), f.budgetYear(), f.internalTitle(), f.publicTitle(), f.kind(), f.venue(),
                f.startDate(), f.endDate(), f.targetCategories(), PEOPLE, f.rule(), f.signatoryName(), f.signatoryPosition());
        long eventId = events.create(n).id();
        TrainingSession session = events.addSession(eventId, TrainingFixture.session(n, 0, null));
        events.changeStatus(eventId, EventStatus.OPEN, events.get(eventId).orElseThrow().version());
        List<Participant> ps = enrolment.enrol(eventId, people);
        events.changeStatus(eventId, EventStatus.RUNNING, events.get(eventId).orElseThrow().version());
        TestAccounts.logout();
        String sheet = url("/pelatihan/" + eventId + "/sesi/" + session.id() + "/kehadiran");
        String key = "berdaya.kehadiran." + session.id() + ".operator.purbalingga";
        List<String> out = new ArrayList<>();
        out.add("| figure | value |");
        out.add("|---|---|");

        login("operator.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(sheet);
        assertThat(page.locator("#attendance-" + ps.getLast().id())).isVisible();
        AtomicInteger uidl = new AtomicInteger();
        Consumer<Request> counter = r -> {
            if (r.url().contains("v-r=uidl")) {
                uidl.incrementAndGet();
            }
        };
        page.onRequest(counter);

        // "all present"
        page.locator("#attendance-all-present").click();
        waitForEmptyQueue(key);
        out.add("| \"all present\" (" + PEOPLE + " taps in one batch): UIDL requests | " + uidl.getAndSet(0) + " |");

        // one by one, as a person taps: each tap waits until the server has answered it
        List<Long> millis = new ArrayList<>();
        for (Participant p : ps) {
            long t0 = System.nanoTime();
            page.locator("#attendance-" + p.id()).click();
            waitForEmptyQueue(key);
            millis.add((System.nanoTime() - t0) / 1_000_000);
        }
        int oneByOne = uidl.getAndSet(0);
        Collections.sort(millis);
        out.add("| " + PEOPLE + " taps one by one: UIDL requests (per tap) | " + oneByOne + " (" + String.format("%.2f", oneByOne / (double) PEOPLE) + ") |");
        out.add("| one tap, click until the server's answer is in (p50 / p95 / max) | " + millis.get(PEOPLE / 2) + " / "
                + millis.get(PEOPLE * 95 / 100 - 1) + " / " + millis.getLast() + " ms |");

        // as fast as the page takes clicks: taps made while a call is under way go together in the next one
        page.evaluate("() => { const v = document.querySelector('.berdaya-attendance'); const taps = v.$server.taps; window.__calls = 0;"
                + " v.$server.taps = q => { window.__calls++; return taps.call(v.$server, q); }; }");
        for (Participant p : ps) {
            page.locator("#attendance-" + p.id()).click();
        }
        waitForEmptyQueue(key);
        int fast = uidl.getAndSet(0);
        out.add("| " + PEOPLE + " taps as fast as possible: UIDL requests (per tap); the page's calls of `$server.taps` | " + fast + " ("
                + String.format("%.2f", fast / (double) PEOPLE) + "); " + page.evaluate("() => window.__calls") + " |");
        page.offRequest(counter);
        TestAccounts.loginAs(operator);
        Map<Long, AttendanceState> server = attendance.sheet(session.id());
        TestAccounts.logout();
        assertThat(server).hasSize(PEOPLE).containsValue(AttendanceState.EXCUSED);
        assertThat(server.values()).containsOnly(AttendanceState.EXCUSED); // all present → late → excused

        // server heap per UI session
        long before = usedAfterGc();
        List<BrowserContext> contexts = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < SESSIONS_OPEN; i++) {
            BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 768).setLocale("id-ID"));
            c.setDefaultTimeout(30_000);
            Page p = c.newPage();
            p.navigate(url("/login"));
            p.locator("#vaadinLoginUsername input").fill("operator.purbalingga");
            p.locator("#vaadinLoginPassword input").fill(DEMO_PASSWORD);
            p.locator("#vaadinLoginPassword input").press("Enter");
            assertThat(p.locator("#main-nav")).isVisible();
            p.navigate(url("/ganti-kata-sandi"));
            assertThat(p.locator("#main-nav")).isVisible();
            contexts.add(c);
            pages.add(p);
        }
        long small = usedAfterGc();
        for (Page p : pages) {
            p.navigate(sheet);
            assertThat(p.locator("#attendance-" + ps.getLast().id())).isVisible();
        }
        long withSheet = usedAfterGc();
        out.add("| server heap per UI session, logged in, on the change-password page (" + SESSIONS_OPEN + " sessions) | "
                + kib((small - before) / SESSIONS_OPEN) + " |");
        out.add("| server heap per UI session with the attendance sheet of " + PEOPLE + " open | " + kib((withSheet - before) / SESSIONS_OPEN) + " |");
        out.add("| of which the sheet (against the change-password page) | " + kib((withSheet - small) / SESSIONS_OPEN) + " |");
        contexts.forEach(BrowserContext::close);

        String table = String.join("\n", out);
        System.out.println("Attendance view benchmark\n" + table);
        Files.writeString(Path.of("target/attendance-bench.md"), table + "\n");
    }

    private void waitForEmptyQueue(String key) {
        page.waitForFunction("k => localStorage.getItem(k) === null", key, new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    /** The heap in use after full collections (the smallest of five, a second apart). */
    private static long usedAfterGc() throws InterruptedException {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(1000);
            min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }

    private static String kib(long bytes) {
        return String.format("%,d KiB", bytes / 1024);
    }
}
