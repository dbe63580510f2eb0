package id.berdaya.grants.bench;

import id.berdaya.core.bench.BenchSql;
import id.berdaya.core.bench.Timings;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsTestApplication;
import id.berdaya.grants.approval.ApprovalService;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.InboxFilter;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.synthetic.SyntheticGrants;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.synthetic.SyntheticTraining;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grants at scale (issue 11): the approval inbox (first page and filters) of a district head and
 * of a provincial officer, and the pagu check of an approval (timed inside a READ COMMITTED
 * transaction as the approval runs it: the ceiling row locked, the per-person maximum read, the
 * ceiling read again and the district's approved total summed; one statement more than the
 * approval's own check), on 100,000 synthetic proposals over
 * the 35 districts (on 1,000,000 synthetic beneficiaries and 20,000 training events), through the
 * services as a logged-in user. The database lives in {@code target/mariadb-grants-bench} (or
 * {@code -Dbench.dir}) and is generated once; later runs reuse it. Prints the SQL of each figure
 * with its {@code EXPLAIN} and p50/p95/max; also written to {@code target/grants-scale-benchmark.md}. And
 * 1,000 BAST PDFs on the same data ({@link #thousandBastPdfs}), {@code target/grants-bast-pdf-benchmark.md}.
 * Tag {@code bench}: not part of {@code verify} (see docs/benchmarks.md).
 */
@Tag("bench")
@Import(BenchSql.Capture.class)
@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = GrantsTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/${bench.dir:target/mariadb-grants-bench}/data",
        "berdaya.embedded.fresh=false",
        "berdaya.embedded.port=0"})
class GrantsScaleBench {

    static final int BENEFICIARIES = Integer.getInteger("bench.size", 1_000_000);
    static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    static final int ATTENDANCE = Integer.getInteger("bench.attendance", 1_000_000);
    static final int PROPOSALS = Integer.getInteger("bench.proposals", 100_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 1_000);
    static final String DIR = System.getProperty("bench.dir", "target/mariadb-grants-bench");

    @Autowired ApprovalService approvals;
    @Autowired ProposalService proposals;
    @Autowired BudgetService budget;
    @Autowired HandoverService handovers;
    @Autowired SyntheticRegister register;
    @Autowired SyntheticTraining training;
    @Autowired SyntheticGrants grants;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    private final Random random = new Random(1);
    /** The pagu check's own time, measured inside its transaction (see the figure). */
    private long checkNanos;
    private final List<String> report = new ArrayList<>();

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    /** A measured call: its name, as whom, and what it does (answers the rows it read). */
    record Figure(String name, BerdayaUser user, IntSupplier call) {
    }

    @Test
    void inboxAndPaguCheckAtScale() throws Exception {
        ensureData();
        int year = (int) number("SELECT MAX(budget_year) FROM grants_proposal");
        String district = string("SELECT kabkota_code FROM grants_proposal WHERE state = 'SUBMITTED' GROUP BY kabkota_code "
                + "ORDER BY COUNT(*) DESC LIMIT 1");
        String other = string("SELECT kabkota_code FROM grants_proposal WHERE state = 'DISTRICT_APPROVED' GROUP BY kabkota_code "
                + "ORDER BY COUNT(*) DESC LIMIT 1");
        BerdayaUser head = accounts.ensure("bench.hibah.kadinsos", Role.DISTRICT_HEAD, district);
        BerdayaUser officer = accounts.ensure("bench.hibah.verifikator", Role.PROVINCE_OFFICER, null);
        line("Grants scale benchmark, %s: %,d beneficiaries, %,d training events, %,d proposals (%s), %,d items, %,d history rows, %,d handovers; %,d waiting for the district step in %s, %,d for the province step (%,d in %s); warm-up %,d, iterations %,d per figure; load average %s"
                .formatted(Instant.now(), count("registry_beneficiary"), count("training_event"), count("grants_proposal"),
                        string("SELECT GROUP_CONCAT(CONCAT(state, ' ', n) ORDER BY state SEPARATOR ', ') FROM "
                                + "(SELECT state, COUNT(*) n FROM grants_proposal GROUP BY state) s"),
                        count("grants_proposal_item"), count("grants_proposal_history"), count("grants_handover"),
                        (int) number("SELECT COUNT(*) FROM grants_proposal WHERE state = 'SUBMITTED' AND kabkota_code = '" + district + "'"),
                        district, (int) number("SELECT COUNT(*) FROM grants_proposal WHERE state = 'DISTRICT_APPROVED'"),
                        (int) number("SELECT COUNT(*) FROM grants_proposal WHERE state = 'DISTRICT_APPROVED' AND kabkota_code = '" + other + "'"),
                        other, WARMUP, ITERATIONS, BenchSql.loadAverage()));

        TransactionTemplate readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        List<Figure> figures = List.of(
                new Figure("inbox, first page, district head of " + district, head, () -> approvals.inbox(InboxFilter.ALL).size()),
                new Figure("inbox, business type goat/sheep, district head", head,
                        () -> approvals.inbox(new InboxFilter(null, BusinessType.GOAT_SHEEP, null, null, null)).size()),
                new Figure("inbox, amount Rp 3.000.000 to Rp 4.000.000, district head", head,
                        () -> approvals.inbox(new InboxFilter(null, null, 3_000_000L, 4_000_000L, null)).size()),
                new Figure("inbox, waiting 14 days or more, district head", head,
                        () -> approvals.inbox(new InboxFilter(null, null, null, null, 14)).size()),
                new Figure("menu count, district head", head, approvals::waitingCount),
                new Figure("inbox, first page, provincial officer", officer, () -> approvals.inbox(InboxFilter.ALL).size()),
                new Figure("inbox, kabupaten/kota " + other + ", provincial officer", officer,
                        () -> approvals.inbox(new InboxFilter(other, null, null, null, null)).size()),
                new Figure("inbox, business type grocery stall, provincial officer", officer,
                        () -> approvals.inbox(new InboxFilter(null, BusinessType.GROCERY_STALL, null, null, null)).size()),
                new Figure("inbox, amount Rp 3.000.000 to Rp 4.000.000, provincial officer", officer,
                        () -> approvals.inbox(new InboxFilter(null, null, 3_000_000L, 4_000_000L, null)).size()),
                new Figure("inbox, waiting 30 days or more, provincial officer", officer,
                        () -> approvals.inbox(new InboxFilter(null, null, null, null, 30)).size()),
                new Figure("inbox, " + other + " and goat/sheep and waiting 7 days or more, provincial officer", officer,
                        () -> approvals.inbox(new InboxFilter(other, BusinessType.GOAT_SHEEP, null, null, 7)).size()),
                new Figure("menu count, provincial officer", officer, approvals::waitingCount),
                new Figure("pagu check of an approval, district head of " + district + ", " + year, head, () -> readCommitted.execute(s -> {
                            long t0 = System.nanoTime(); // inside the approval's transaction: its begin and end are not the check's
                            budget.lock(district, year);
                            long left = proposals.remainingPagu(district, year).orElseThrow();
                            checkNanos = System.nanoTime() - t0;
                            s.setRollbackOnly();
                            return left > 0 ? 1 : 0;
                        })));

        for (Figure f : figures) {
            TestAccounts.loginAs(f.user());
            long q0 = BenchSql.questions(dataSource);
            int[] rows = new int[1];
            List<String> sent = BenchSql.Capture.during(() -> rows[0] = f.call().getAsInt());
            long statements = BenchSql.questions(dataSource) - q0 - 1;
            line("");
            line("### " + f.name() + " (" + rows[0] + " rows; " + statements + " statements at the server for one call)");
            for (String sql : sent) {
                BenchSql.explain(dataSource, sql, this::line);
            }
        }
        line("");
        line("| figure | p50 | p95 | max | rows | target met? |");
        line("|---|---|---|---|---|---|");
        for (Figure f : figures) {
            TestAccounts.loginAs(f.user());
            for (int i = 0; i < WARMUP; i++) {
                f.call().getAsInt();
            }
            long[] nanos = new long[ITERATIONS];
            int rows = 0;
            for (int i = 0; i < ITERATIONS; i++) {
                long t0 = System.nanoTime();
                rows = f.call().getAsInt();
                nanos[i] = f.name().startsWith("pagu") ? checkNanos : System.nanoTime() - t0;
            }
            Timings t = Timings.of(nanos, rows);
            double target = f.name().startsWith("pagu") ? 5 : 50;
            line(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %d | %s (≤ %.0f ms) |", f.name(), t.p50(), t.p95(), t.max(),
                    rows, t.p95() <= target ? "yes" : "**no**", target));
        }
        line("");
        line("Load average at the end: " + BenchSql.loadAverage());
        Files.write(Path.of("target/grants-scale-benchmark.md"), report);
        assertThat(count("grants_proposal")).isGreaterThanOrEqualTo(PROPOSALS);
    }

    static final int PDFS = Integer.getInteger("bench.pdfs", 1_000);
    static final long MIB = 1024 * 1024;

    /**
     * 1,000 BAST PDFs through {@link HandoverService#pdf} (read, audited, rendered) as a provincial
     * officer, handovers picked at random over the province: seconds in all and per document, and
     * heap, four ways: the bytes the calling thread allocated ({@code com.sun.management.ThreadMXBean},
     * exact); the heap in use sampled every millisecond by a thread of its own (garbage included);
     * the highest heap in use after any collection during the run (G1's notifications: what was
     * live); the sum of the heap pools' peaks, reset before the run (an upper bound).
     */
    @Test
    void thousandBastPdfs() throws Exception {
        ensureData();
        BerdayaUser officer = accounts.ensure("bench.hibah.verifikator", Role.PROVINCE_OFFICER, null);
        List<Long> ids = new ArrayList<>();
        long max = (long) number("SELECT MAX(id) FROM grants_handover");
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT id FROM grants_handover WHERE id >= ? LIMIT 1")) {
            while (ids.size() < PDFS) {
                ps.setLong(1, 1 + (long) (random.nextDouble() * max));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        var runtime = java.lang.management.ManagementFactory.getRuntimeMXBean();
        line("BAST PDF benchmark, %s: %,d PDFs of %,d handovers, JVM %s, max heap %d MiB, arguments %s; load average %s".formatted(
                Instant.now(), PDFS, count("grants_handover"), runtime.getVmVersion(), Runtime.getRuntime().maxMemory() / MIB,
                runtime.getInputArguments(), BenchSql.loadAverage()));
        TestAccounts.loginAs(officer);
        handovers.pdf(ids.getFirst()); // the fonts, OpenPDF and ZXing loaded once: the figures below are warm
        Heap heap = Heap.start();
        long[] nanos = new long[PDFS];
        long bytes = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < PDFS; i++) {
            long s = System.nanoTime();
            bytes += handovers.pdf(ids.get(i)).length;
            nanos[i] = System.nanoTime() - s;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        heap.stop();
        Timings t = Timings.of(nanos, PDFS);
        line("");
        line("| figure | value |");
        line("|---|---|");
        line(String.format(Locale.ROOT, "| %,d BAST PDFs, in all | %.2f s |", PDFS, seconds));
        line(String.format(Locale.ROOT, "| per PDF: mean / p50 / p95 / max | %.1f / %.1f / %.1f / %.1f ms |", seconds * 1000 / PDFS,
                t.p50(), t.p95(), t.max()));
        line(String.format(Locale.ROOT, "| PDF size, mean | %.1f KiB |", bytes / 1024.0 / PDFS));
        line(heap.report());
        line("");
        line("Load average at the end: " + BenchSql.loadAverage());
        Files.write(Path.of("target/grants-bast-pdf-benchmark.md"), report);
        assertThat(bytes).isPositive();
    }

    /** The heap while the PDFs are made, measured four ways (see {@link #thousandBastPdfs}). */
    static final class Heap {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        private final long thread = Thread.currentThread().threadId();
        private final java.util.concurrent.atomic.AtomicLong sampled = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong afterGc = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong collections = new java.util.concurrent.atomic.AtomicLong();
        private final List<Runnable> off = new ArrayList<>();
        private volatile boolean sampling = true;
        private long live;
        private long allocated;
        private long poolPeak;
        private int samples;

        static Heap start() {
            Heap h = new Heap();
            System.gc();
            System.gc();
            var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            h.live = memory.getHeapMemoryUsage().getUsed();
            h.afterGc.set(h.live);
            heapPools().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            Set<String> pools = new java.util.HashSet<>(heapPools().map(java.lang.management.MemoryPoolMXBean::getName).toList());
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                var emitter = (javax.management.NotificationEmitter) gc;
                javax.management.NotificationListener listener = (n, back) -> {
                    if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) n.getUserData());
                        h.collections.incrementAndGet();
                        h.afterGc.accumulateAndGet(info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> pools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum(), Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                h.off.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
            Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (h.sampling) {
                    h.sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    h.samples++;
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            });
            h.off.add(() -> {
                h.sampling = false;
                try {
                    sampler.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            h.allocated = h.threads.getThreadAllocatedBytes(h.thread);
            return h;
        }

        private static java.util.stream.Stream<java.lang.management.MemoryPoolMXBean> heapPools() {
            return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP);
        }

        void stop() throws InterruptedException {
            allocated = threads.getThreadAllocatedBytes(thread) - allocated;
            poolPeak = heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            Thread.sleep(200); // the collector's notifications arrive on their own thread
            off.forEach(Runnable::run);
        }

        String report() {
            return String.join(System.lineSeparator(),
                    String.format(Locale.ROOT, "| heap in use before (after System.gc()) | %d MiB |", live / MIB),
                    String.format(Locale.ROOT, "| **peak heap in use, sampled every 1 ms (%,d samples; garbage included)** | **%d MiB** |",
                            samples, sampled.get() / MIB),
                    String.format(Locale.ROOT, "| highest heap in use after a collection during the run (%,d collections) | %d MiB |",
                            collections.get(), afterGc.get() / MIB),
                    String.format(Locale.ROOT, "| heap pools' peaks, summed (upper bound) | %d MiB |", poolPeak / MIB),
                    String.format(Locale.ROOT, "| allocated by the calling thread, in all / per PDF | %,d MiB / %.0f KiB |", allocated / MIB,
                            allocated / 1024.0 / PDFS));
        }
    }

    /** Generates what is missing, once: the register, the training data on top, then the grants data. */
    void ensureData() throws Exception {
        int have = register.total();
        if (have < BENEFICIARIES) {
            var r = register.generate(BENEFICIARIES - have, 2026, SyntheticRegister.GENERATOR, 2, 0.005);
            note("generated %,d beneficiaries in %.1f s".formatted(r.people(), r.millis() / 1000.0));
        }
        if (training.events() == 0) {
            var r = training.generate(EVENTS, ATTENDANCE, 2026);
            note("generated %,d training events, %,d participants, %,d attendance rows, %,d certificates in %.1f s"
                    .formatted(r.events(), r.participants(), r.attendance(), r.certificates(), r.millis() / 1000.0));
        }
        if (grants.proposals() == 0) {
            int completers = training.completers().size();
            var r = grants.generate(Math.min(1.0, PROPOSALS / (double) completers), PROPOSALS, 2026);
            note("generated %,d proposals (of %,d people with a completed training), %,d items, %,d history rows, %,d handovers in %.1f s; by state %s"
                    .formatted(r.proposals(), completers, r.items(), r.history(), r.handovers(), r.millis() / 1000.0, r.byState()));
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String t : List.of("grants_proposal", "grants_proposal_item", "grants_proposal_history", "grants_handover",
                    "grants_handover_item", "grants_ceiling")) {
                s.execute("ANALYZE TABLE " + t);
            }
        }
    }

    private void note(String what) throws Exception {
        String line = Instant.now() + ": " + what + " (load average " + BenchSql.loadAverage() + ")" + System.lineSeparator();
        System.out.print(line);
        Files.createDirectories(Path.of(DIR));
        Files.writeString(Path.of(DIR, "generation.txt"), line, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private int count(String table) throws SQLException {
        return (int) number("SELECT COUNT(*) FROM " + table);
    }

    private double number(String sql) throws SQLException {
        return BenchSql.number(dataSource, sql);
    }

    private String string(String sql) throws SQLException {
        return BenchSql.string(dataSource, sql);
    }

    private void line(String s) {
        System.out.println(s);
        report.add(s);
    }
}
