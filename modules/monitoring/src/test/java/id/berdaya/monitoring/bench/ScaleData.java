package id.berdaya.monitoring.bench;

import id.berdaya.core.bench.BenchSql;
import id.berdaya.grants.synthetic.SyntheticGrants;
import id.berdaya.monitoring.synthetic.SyntheticMonitoring;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.synthetic.SyntheticTraining;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The monitoring benchmarks' one database, generated once by whichever runs first: 1,000,000
 * beneficiaries, 20,000 training events with 1,000,000 attendance rows, 162,000 proposals (about
 * 100,000 handovers) and their follow-ups (about 400,000 visits). Sizes from {@code -Dbench.size},
 * {@code bench.events}, {@code bench.attendance}, {@code bench.proposals}. Each generation's time
 * is appended to {@code generation.txt} in the bench directory.
 */
record ScaleData(SyntheticRegister register, SyntheticTraining training, SyntheticGrants grants, SyntheticMonitoring monitoring,
                 DataSource dataSource, String dir) {

    static final int BENEFICIARIES = Integer.getInteger("bench.size", 1_000_000);
    static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    static final int ATTENDANCE = Integer.getInteger("bench.attendance", 1_000_000);
    static final int PROPOSALS = Integer.getInteger("bench.proposals", 162_000);
    static final String DIR = System.getProperty("bench.dir", "target/mariadb-monitoring-bench");

    void ensure() throws Exception {
        int have = register.total();
        if (have < BENEFICIARIES) {
            var r = register.generate(BENEFICIARIES - have, 2026, SyntheticRegister.GENERATOR, 2, 0.005);
            note("generated %,d beneficiaries in %.1f s (%,.0f rows/s)".formatted(r.people(), r.millis() / 1000.0, r.rowsPerSecond()));
        }
        if (training.events() == 0) {
            var r = training.generate(EVENTS, ATTENDANCE, 2026);
            note("generated %,d training events, %,d attendance rows in %.1f s".formatted(r.events(), r.attendance(), r.millis() / 1000.0));
        }
        if (grants.proposals() == 0) {
            int completers = training.completers().size();
            var r = grants.generate(Math.min(1.0, PROPOSALS / (double) completers), PROPOSALS, 2026);
            note("generated %,d proposals (of %,d people with a completed training), %,d handovers in %.1f s"
                    .formatted(r.proposals(), completers, r.handovers(), r.millis() / 1000.0));
        }
        var r = monitoring.generate(2026);
        if (r.cases() > 0) {
            note("generated %,d follow-ups, %,d visits (%,d done), %,d assets, %,d movements, %,d flags in %.1f s"
                    .formatted(r.cases(), r.visits(), r.done(), r.assets(), r.movements(), r.flags(), r.millis() / 1000.0));
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String t : List.of("monitoring_case", "monitoring_visit", "monitoring_tally", "monitoring_cohort", "monitoring_movement",
                    "monitoring_flag", "core_figure_count", "core_figure_total", "core_figure_kabkota_month")) {
                s.execute("ANALYZE TABLE " + t);
            }
        }
    }

    private void note(String what) throws Exception {
        String line = Instant.now() + ": " + what + " (load average " + BenchSql.loadAverage() + ")" + System.lineSeparator();
        System.out.print(line);
        Files.createDirectories(Path.of(dir));
        Files.writeString(Path.of(dir, "generation.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
