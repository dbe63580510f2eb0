package id.berdaya.registry.bench;

import id.berdaya.registry.imports.file.ImportColumn;
import id.berdaya.registry.RegistryTestApplication;
import id.berdaya.registry.Sex;
import id.berdaya.registry.imports.ImportBatch;
import id.berdaya.registry.imports.ImportBenchSupport;
import id.berdaya.registry.imports.ImportPreview;
import id.berdaya.registry.imports.ImportService;
import id.berdaya.registry.nik.NameKey;
import id.berdaya.registry.synthetic.SyntheticNik;

import id.berdaya.core.database.EmbeddedMariaDb;
import id.berdaya.core.region.Desa;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import of 1,000,000 synthetic beneficiaries (issue #3): end to end through {@link ImportService}
 * (preview, then the background commit: parse, validation, duplicate keys, name tokens, audit)
 * against a raw {@code LOAD DATA LOCAL INFILE} of the same rows into the same, empty table in the
 * same run, and the heap growth. Its own database under {@code target/mariadb-import-bench}, emptied at the start
 * (the register benchmark keeps its million in {@code target/mariadb-bench}).
 *
 * <pre>./mvnw -B -pl modules/registry test -Dbench.excludedGroups=none -Dgroups=bench -Dtest=ImportBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.rows=1000000]</pre>
 */
@Tag("bench")
@SpringBootTest(classes = RegistryTestApplication.class, properties = {
        "berdaya.embedded.data-dir=${user.dir}/target/mariadb-import-bench/data", "berdaya.embedded.fresh=true"})
class ImportBench {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final Path DIR = Path.of("target", "bench");
    static final String[] SYLLABLES = {"ka", "la", "wi", "ra", "su", "ti", "no", "ba", "yu", "me", "sa", "ri", "do", "ngi", "pu", "tra"};

    @Autowired ImportService importer;
    @Autowired RegionService regions;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;
    @Autowired EmbeddedMariaDb db;

    /** A made-up two-word name with the marker "Sintetis", so no row can be mistaken for a real person. */
    static String name(int i) {
        StringBuilder b = new StringBuilder();
        int n = i * 7919 + 13;
        for (int w = 0; w < 2; w++) {
            StringBuilder word = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                word.append(SYLLABLES[n & 15]);
                n >>>= 4;
            }
            b.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length()).append(' ');
        }
        return b + "Sintetis";
    }

    @Test
    void importsAMillionRows() throws Exception {
        TestAccounts.loginAs(accounts.ensure("uji.bench.admin", Role.PROVINCE_ADMIN, null));
        List<String[]> places = new ArrayList<>(); // kabkota, kecamatan, desa
        for (Kabkota k : regions.kabkota()) {
            for (Kecamatan kec : regions.kecamatan(k.code())) {
                List<Desa> desa = regions.desa(kec.code());
                places.add(new String[] {k.code(), kec.code(), desa.getFirst().code()});
            }
        }
        Files.createDirectories(DIR);
        Path csv = DIR.resolve("import-" + ROWS + ".csv");
        Path tsv = DIR.resolve("raw-" + ROWS + ".tsv");
        long t0 = System.nanoTime();
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        LocalDate base = LocalDate.of(1950, 1, 1);
        try (BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             BufferedWriter t = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
            c.write(String.join(";", ImportColumn.headers()));
            c.write("\r\n");
            for (int i = 0; i < ROWS; i++) {
                String[] p = places.get(i % places.size());
                int combo = i / places.size();
                LocalDate birth = base.plusDays(combo % 20_000);
                Sex sex = (combo / 20_000) % 2 == 0 ? Sex.L : Sex.P;
                String nik = SyntheticNik.of(p[1], birth, sex, 9001);
                String fullName = name(i);
                int category = 1 + i % 26;
                String row = String.join(";", nik, "", fullName, "", sex.name(), "Kota Uji", dmy.format(birth), p[0], p[1], p[2],
                        "001", "002", "Jl. Sintetis " + i, "", "", "", "", String.valueOf(category), "OUTREACH", "PUBLIC_TASK", "");
                c.write(row);
                c.write("\r\n");
                t.write(String.join("\t", nik, "\\N", fullName, NameKey.of(fullName), "\\N", sex.name(), "Kota Uji", birth.toString(),
                        p[0], p[1], p[2], "001", "002", "Jl. Sintetis " + i, "\\N", "\\N", "\\N", "\\N", String.valueOf(category),
                        "OUTREACH", "PUBLIC_TASK", "\\N", "\\N", "bench", "2026-11-28 00:00:00.000000", "2026-11-28 00:00:00.000000"));
                t.write("\n");
            }
        }
        System.out.printf(Locale.ROOT, "generated %,d rows (%,d bytes CSV) in %.1f s%n", ROWS, Files.size(csv), (System.nanoTime() - t0) / 1e9);

        // 1. raw LOAD DATA of the same rows into the same (empty) table
        long r0 = System.nanoTime();
        try (Connection con = dataSource.getConnection(); Statement s = con.createStatement()) {
            s.execute("SET @berdaya_figures_deferred = 1"); // raw: the count triggers skip the rows, as in the import's load (V047)
            int loaded = s.executeUpdate("LOAD DATA LOCAL INFILE '" + tsv.toAbsolutePath() + "' INTO TABLE registry_beneficiary "
                    + "CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                    + String.join(", ", ImportBenchSupport.loadedColumns()) + ")");
            s.execute("SET @berdaya_figures_deferred = NULL");
            assertThat(loaded).isEqualTo(ROWS);
        }
        double rawSeconds = (System.nanoTime() - r0) / 1e9;
        try (Connection owner = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            s.execute("TRUNCATE TABLE registry_name_token");
            s.execute("TRUNCATE TABLE registry_duplicate");
            s.execute("TRUNCATE TABLE registry_beneficiary");
        }

        // 2. the import, end to end, with the heap watched
        HeapWatch heap = new HeapWatch();
        long p0 = System.nanoTime();
        ImportPreview preview = importer.preview(csv.getFileName().toString(), csv);
        double previewSeconds = (System.nanoTime() - p0) / 1e9;
        assertThat(preview.batch().counts().errors()).isZero();
        long c0 = System.nanoTime();
        ImportBatch batch = importer.commit(preview.batch().id(), preview.batch().version());
        while (batch.running()) {
            Thread.sleep(200);
            batch = importer.batch(batch.id()).orElseThrow();
        }
        double commitSeconds = (System.nanoTime() - c0) / 1e9;
        heap.stop();
        assertThat(batch.status()).as(batch.message()).isEqualTo(ImportBatch.Status.DONE);
        assertThat(batch.counts().inserted()).isEqualTo(ROWS);
        long tokens;
        try (Connection con = dataSource.getConnection(); Statement s = con.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM registry_name_token")) {
            rs.next();
            tokens = rs.getLong(1);
        }

        double raw = ROWS / rawSeconds;
        double commit = ROWS / commitSeconds;
        double endToEnd = ROWS / (previewSeconds + commitSeconds);
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| rows | %,d (name tokens loaded: %,d) |%n", ROWS, tokens);
        System.out.printf(Locale.ROOT, "| raw LOAD DATA LOCAL INFILE into registry_beneficiary | %.1f s, %,.0f rows/s |%n", rawSeconds, raw);
        System.out.printf(Locale.ROOT, "| preview (parse, validate, NIK lookups, problem rows) | %.1f s, %,.0f rows/s |%n", previewSeconds, ROWS / previewSeconds);
        System.out.printf(Locale.ROOT, "| commit (parse, validate, NIK lookups, LOAD DATA rows + tokens, duplicate queue, audit) | %.1f s, %,.0f rows/s, %.2f of raw |%n",
                commitSeconds, commit, commit / raw);
        System.out.printf(Locale.ROOT, "| end to end (preview + commit) | %.1f s, %,.0f rows/s, %.2f of raw |%n",
                previewSeconds + commitSeconds, endToEnd, endToEnd / raw);
        System.out.printf(Locale.ROOT, "| heap after GC: before, peak during, after | %,d MB, %,d MB, %,d MB (growth at peak %,d MB) |%n",
                heap.baseline / MB, heap.peakLive.get() / MB, heap.after / MB, (heap.peakLive.get() - heap.baseline) / MB);
        System.out.println();
    }

    static final long MB = 1024 * 1024;

    /**
     * The live heap, as the collector saw it: after every garbage collection, the sum of the heap
     * pools' usage after that collection (what survived it), the highest of these kept.
     */
    static final class HeapWatch {
        final long baseline;
        final AtomicLong peakLive = new AtomicLong();
        long after;
        private final List<Runnable> unsubscribe = new ArrayList<>();

        HeapWatch() {
            baseline = liveAfterGc();
            peakLive.set(baseline);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationEmitter emitter = (NotificationEmitter) gc;
                NotificationListener listener = (notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long live = 0;
                        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (HEAP_POOLS.contains(e.getKey())) {
                                live += e.getValue().getUsed();
                            }
                        }
                        peakLive.accumulateAndGet(live, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }

        static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());

        void stop() {
            unsubscribe.forEach(Runnable::run);
            after = liveAfterGc();
        }

        static long liveAfterGc() {
            System.gc();
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
