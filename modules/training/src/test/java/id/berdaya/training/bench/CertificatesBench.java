package id.berdaya.training.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.TrainingTestApplication;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.NewSession;
import id.berdaya.training.event.TrainingSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificates of an event of 100 participants (all completed) as one printable PDF, through
 * {@link CertificateService#eventPdf} as the district head: seconds and heap. Heap, three ways,
 * all in this (surefire's forked) JVM: the bytes the rendering thread allocated
 * ({@code com.sun.management.ThreadMXBean}, exact, independent of the collector); the highest heap
 * in use after any collection during the call (what was live); and the sum of the heap pools'
 * peak usage after resetting the peaks before the call (an upper bound that includes garbage,
 * so it depends on {@code -Xmx}). The first call (cold: fonts and classes loaded) and five more
 * are reported. Tag {@code bench}: see docs/benchmarks.md for the command.
 */
@Tag("bench")
@SpringBootTest(classes = TrainingTestApplication.class)
class CertificatesBench {

    static final int PEOPLE = 100;
    static final int SESSIONS = 12;
    static final int RUNS = 6;
    static final long MIB = 1024 * 1024;

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired CertificateService certificates;
    @Autowired TrainingFixture fixture;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void oneHundredCertificatesAsOnePdf() throws Exception {
        long id = closedEventOfOneHundred();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        var runtime = ManagementFactory.getRuntimeMXBean();
        System.out.printf(Locale.ROOT, "JVM: %s, max heap %d MiB, arguments %s, collectors %s%n", runtime.getVmVersion(),
                Runtime.getRuntime().maxMemory() / MIB, runtime.getInputArguments(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        System.out.println("| run | seconds | size | allocated by the thread | live heap after GC: before → highest during | heap pools' peak (sum) |");
        System.out.println("|---|---|---|---|---|---|");
        byte[] pdf = null;
        for (int run = 1; run <= RUNS; run++) {
            long live = liveAfterGc();
            ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .forEach(MemoryPoolMXBean::resetPeakUsage);
            GcWatch watch = new GcWatch(live);
            long a0 = threads.getThreadAllocatedBytes(thread);
            long t0 = System.nanoTime();
            pdf = certificates.eventPdf(id);
            long nanos = System.nanoTime() - t0;
            long allocated = threads.getThreadAllocatedBytes(thread) - a0;
            long poolPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            Thread.sleep(200); // the collector's notifications arrive on their own thread
            watch.stop();
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %d KiB | %d MiB | %d → %d MiB (%d collections) | %d MiB |%n",
                    run == 1 ? "1 (cold)" : String.valueOf(run), nanos / 1e9, pdf.length / 1024, allocated / MIB, live / MIB,
                    watch.peak.get() / MIB, watch.collections.get(), poolPeak / MIB);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(PEOPLE);
        }
    }

    /** An event of 100 verified people × 12 sessions, everyone present with a passing post-test, closed by the head. */
    private long closedEventOfOneHundred() {
        List<Long> people = fixture.verifiedPeople("33.04", PEOPLE);
        TestAccounts.loginAs(accounts.ensure("uji.bench.head.33.04", Role.DISTRICT_HEAD, "33.04"));
        NewEvent f = fixture.event("33.04", CompletionRule.DEFAULT);
        long id = events.create(new NewEvent(f.kabkotaCode(), f.budgetYear(), f.internalTitle(), f.publicTitle(), f.kind(), f.venue(),
                f.startDate(), f.endDate(), f.targetCategories(), PEOPLE, f.rule(), f.signatoryName(), f.signatoryPosition())).id();
        for (int i = 0; i < SESSIONS; i++) {
            events.addSession(id, new NewSession(f.startDate().plusDays(i % 5), LocalTime.of(7 + i / 5 * 3, 0),
                    LocalTime.of(9 + i / 5 * 3, 0), "Materi " + (i + 1), "Fasilitator Uji", null, null, null));
        }
        events.changeStatus(id, EventStatus.OPEN, events.get(id).orElseThrow().version());
        var ps = enrolment.enrol(id, people);
        events.changeStatus(id, EventStatus.RUNNING, events.get(id).orElseThrow().version());
        for (TrainingSession s : events.sessions(id)) {
            attendance.markEveryone(s.id(), AttendanceState.PRESENT);
        }
        for (var p : ps) {
            attendance.recordScores(p.id(), BigDecimal.valueOf(40), BigDecimal.valueOf(75));
        }
        events.close(id, events.get(id).orElseThrow().version());
        assertThat(certificates.ofEvent(id)).hasSize(PEOPLE);
        return id;
    }

    private static long liveAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap in use after each collection while it listens (the sum of the heap pools after it), the highest kept. */
    private static final class GcWatch {
        static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
        final AtomicLong peak = new AtomicLong();
        final AtomicLong collections = new AtomicLong();
        private final List<Runnable> off = new ArrayList<>();

        GcWatch(long start) {
            peak.set(start);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationEmitter emitter = (NotificationEmitter) gc;
                NotificationListener listener = (n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                        collections.incrementAndGet();
                        peak.accumulateAndGet(used, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                off.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already removed
                    }
                });
            }
        }

        void stop() {
            off.forEach(Runnable::run);
        }
    }
}
