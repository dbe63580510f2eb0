package id.berdaya.monitoring.synthetic;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.handover.HandoverItem;
import id.berdaya.grants.synthetic.SyntheticGrants;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.ledger.AssetKind;
import id.berdaya.monitoring.ledger.MovementKind;
import id.berdaya.monitoring.reintegration.FlagKind;
import id.berdaya.monitoring.synthetic.MonitoringFiles.Table;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.registry.synthetic.SyntheticRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fills the monitoring tables with synthetic data for the handovers in force that have no follow-up
 * yet (those of {@code grants.synthetic}): a follow-up per handover, its visits at 1, 3, 6 and 12
 * months (done in the past for most, the person met for most of those, the business running less
 * often the later the visit; the rest overdue; those not yet due open), the ledger opened with the
 * goods and moved at the visits (livestock born, sold with a price, died with a cause; goods
 * broken), a few open risk flags, and the kept counts ({@code monitoring_tally},
 * {@code monitoring_cohort}) that agree with them. Unassigned visits; no 12-month outcome is
 * decided (that would change the register's status). Written with {@code LOAD DATA} in chunks of
 * {@value #CHUNK} handovers, each in its own transaction with its counts and its own audit event.
 * Only under the {@code generator} profile (the benchmarks).
 */
@Component
@Profile(SyntheticRegister.PROFILE)
public class SyntheticMonitoring {

    public static final String GENERATOR = "sintetis.pemantauan";
    static final int CHUNK = 5_000;
    private static final int[] OFFSETS = {1, 3, 6, 12};
    /** The share of met visits that found the business running fully, per offset (1, 3, 6, 12 months). */
    private static final double[] RUNNING = {0.78, 0.70, 0.63, 0.58};
    private static final double PARTLY = 0.15;
    private static final Logger log = LoggerFactory.getLogger(SyntheticMonitoring.class);

    /** What a run wrote. */
    public record Result(int cases, int visits, int done, int assets, int movements, int flags, long millis) {
    }

    private final SyntheticGrants grants;
    private final SyntheticRegister register;
    private final SyntheticMonitoringRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    SyntheticMonitoring(SyntheticGrants grants, SyntheticRegister register, SyntheticMonitoringRepository repository, AuditLog audit,
                        TransactionTemplate tx, Clock clock) {
        this.grants = grants;
        this.register = register;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Writes the follow-ups of every handover in force without one. */
    public Result generate(long seed) {
        long t0 = System.nanoTime();
        Writer w = new Writer(LocalDate.now(clock.withZone(IndonesianFormat.WIB)), new Random(seed), repository.nextIds());
        List<SyntheticGrants.Handed> page = grants.handedOver(0, CHUNK);
        while (!page.isEmpty()) {
            List<SyntheticGrants.Handed> handed = page;
            Set<Long> followed = tx.execute(s -> repository.followed(handed.stream().map(SyntheticGrants.Handed::handoverId).toList()));
            Map<Long, String> kecamatan = register.kecamatanOf(handed.stream().map(SyntheticGrants.Handed::beneficiaryId).toList());
            try (MonitoringFiles f = new MonitoringFiles()) {
                Counts counts = new Counts();
                for (SyntheticGrants.Handed h : handed) {
                    if (!followed.contains(h.handoverId())) {
                        w.followUp(f, h, kecamatan.get(h.beneficiaryId()), counts);
                    }
                }
                f.finish();
                tx.executeWithoutResult(s -> {
                    repository.load(f);
                    counts.tally.forEach((key, n) -> {
                        String[] k = key.split("/");
                        repository.tally(k[0], k[1], k[2], n);
                    });
                    counts.cohorts.forEach((key, n) -> {
                        String[] k = key.split("/");
                        repository.cohort(k[0], k[1], LocalDate.parse(k[2]), n);
                    });
                    audit.record(AuditEvent.of(MonitoringAction.MONITORING_SYNTHETIC_GENERATED).entity(MonitoringEntity.MONITORING_CASE, null)
                            .after(Map.of("cases", f.count(Table.CASE), "visits", f.count(Table.VISIT), "createdBy", GENERATOR,
                                    "seed", seed)));
                });
                w.add(f);
            }
            log.info("Synthetic monitoring: {} follow-ups written", w.totals[0]);
            page = grants.handedOver(handed.getLast().handoverId(), CHUNK);
        }
        return new Result(w.totals[0], w.totals[1], w.totals[2], w.totals[3], w.totals[4], w.totals[5], (System.nanoTime() - t0) / 1_000_000);
    }

    /** A chunk's kept counts: per "kabkota/kecamatan/FIGURE", and per "kabkota/kecamatan/quarter" the four cohort counts. */
    private static final class Counts {
        final Map<String, Long> tally = new HashMap<>();
        final Map<String, int[]> cohorts = new HashMap<>();

        void add(String kab, String kec, Figure f) {
            tally.merge(kab + "/" + kec + "/" + f.name(), 1L, Long::sum);
        }

        void cohort(String kab, String kec, LocalDate handedOn, int offset, boolean runs) {
            LocalDate quarter = LocalDate.of(handedOn.getYear(), (handedOn.getMonthValue() - 1) / 3 * 3 + 1, 1);
            int[] n = cohorts.computeIfAbsent(kab + "/" + kec + "/" + quarter, k -> new int[4]);
            int base = offset == 6 ? 0 : 2;
            n[base]++;
            n[base + 1] += runs ? 1 : 0;
        }
    }

    /** Writes the rows of one follow-up. */
    private static final class Writer {
        private final LocalDate today;
        private final Random random;
        private final long[] ids;
        final int[] totals = new int[6];
        private int done;

        Writer(LocalDate today, Random random, long[] ids) {
            this.today = today;
            this.random = random;
            this.ids = ids;
        }

        void followUp(MonitoringFiles f, SyntheticGrants.Handed h, String kec, Counts counts) {
            long caseId = ids[0]++;
            String k = h.kabkotaCode();
            f.write(Table.CASE, caseId, h.handoverId(), h.proposalId(), h.beneficiaryId(), h.name(), k, kec, h.handedOn(), h.budgetYear());
            List<HandoverItem> items = h.items().stream().filter(i -> i.quantity() > 0).toList();
            int n = items.size();
            long[] assetIds = new long[n];
            int[] balance = new int[n];
            for (int i = 0; i < n; i++) {
                HandoverItem item = items.get(i);
                assetIds[i] = ids[2]++;
                balance[i] = item.quantity();
                f.write(Table.MOVEMENT, ids[3]++, assetIds[i], caseId, null, k, MovementKind.HANDED_OVER.name(), item.quantity(), null,
                        null, item.quantity(), h.handedOn(), GENERATOR, h.handedOn().atTime(10, 0));
            }
            LocalDate last = h.handedOn();
            for (int o = 0; o < OFFSETS.length; o++) {
                int offset = OFFSETS[o];
                LocalDate due = h.handedOn().plusMonths(offset);
                long visitId = ids[1]++;
                boolean isDone = !due.isAfter(today) && random.nextDouble() < (due.isBefore(today.minusDays(30)) ? 0.88 : 0.45);
                if (!isDone) {
                    f.write(Table.VISIT, visitId, caseId, k, kec, offset, due, false, null, null, null, null, null, null, null, null, null,
                            null, null, null, null);
                    continue;
                }
                LocalDate on = due.plusDays(random.nextInt(10));
                on = on.isAfter(today) ? today : on.isBefore(last) ? last : on;
                last = on;
                done++;
                counts.add(k, kec, Figure.VISITS_DONE);
                if (random.nextDouble() >= 0.93) {
                    f.write(Table.VISIT, visitId, caseId, k, kec, offset, due, true, on, false,
                            "Sintetis: penerima sedang bekerja di luar desa", null, null, null, null, null, null, null,
                            "Kunjungan sintetis", GENERATOR, on.atTime(14, 0));
                    continue;
                }
                double r = random.nextDouble();
                Visit.Business b = r < RUNNING[o] ? Visit.Business.RUNNING : r < RUNNING[o] + PARTLY ? Visit.Business.PARTLY
                        : Visit.Business.STOPPED;
                long turnover = switch (b) {
                    case RUNNING -> 1_500_000 + random.nextInt(25) * 100_000L;
                    case PARTLY -> 500_000 + random.nextInt(10) * 100_000L;
                    case STOPPED -> 0;
                };
                f.write(Table.VISIT, visitId, caseId, k, kec, offset, due, true, on, true, null, b.name(),
                        b == Visit.Business.RUNNING ? null : "Sintetis: modal usaha terpakai untuk kebutuhan keluarga", turnover,
                        turnover * (20 + random.nextInt(15)) / 100, acceptance(), acceptance(), acceptance(), "Kunjungan sintetis",
                        GENERATOR, on.atTime(14, 0));
                if (offset == 6 || offset == 12) {
                    counts.add(k, kec, offset == 6 ? Figure.VISITED_6M : Figure.VISITED_12M);
                    if (b.runs()) {
                        counts.add(k, kec, offset == 6 ? Figure.RUNNING_6M : Figure.RUNNING_12M);
                    }
                    counts.cohort(k, kec, h.handedOn(), offset, b.runs());
                }
                for (int i = 0; i < n; i++) {
                    balance[i] = move(f, items.get(i), assetIds[i], caseId, visitId, k, balance[i], on);
                }
                if (random.nextDouble() < 0.02) {
                    FlagKind kind = FlagKind.values()[random.nextInt(FlagKind.values().length)];
                    f.write(Table.FLAG, ids[4]++, caseId, visitId, k, kec, kind.name(), "Sintetis: catatan tanda risiko", on, GENERATOR);
                    counts.add(k, kec, Figure.OPEN_FLAGS);
                }
            }
            for (int i = 0; i < n; i++) {
                HandoverItem item = items.get(i);
                f.write(Table.ASSET, assetIds[i], caseId, k, item.catalogueItemId(), item.name(), item.unit(),
                        AssetKind.ofUnit(item.unit()).name(), item.quantity(), balance[i]);
            }
        }

        /** A met visit's movements of one item: livestock born, sold, died; goods broken. The balance after. */
        private int move(MonitoringFiles f, HandoverItem item, long assetId, long caseId, long visitId, String k,
                         int balance, LocalDate on) {
            int b = balance;
            if (AssetKind.ofUnit(item.unit()) == AssetKind.LIVESTOCK) {
                if (b > 0 && random.nextDouble() < 0.25) {
                    int born = 1 + random.nextInt(2);
                    b += born;
                    f.write(Table.MOVEMENT, ids[3]++, assetId, caseId, visitId, k, MovementKind.BORN.name(), born, null, null, b, on,
                            GENERATOR, on.atTime(14, 0));
                }
                if (b > 0 && random.nextDouble() < 0.15) {
                    int sold = 1 + random.nextInt(b);
                    b -= sold;
                    f.write(Table.MOVEMENT, ids[3]++, assetId, caseId, visitId, k, MovementKind.SOLD.name(), sold,
                            sold * (1_800_000L + random.nextInt(8) * 100_000L), null, b, on, GENERATOR, on.atTime(14, 0));
                }
                if (b > 0 && random.nextDouble() < 0.05) {
                    b -= 1;
                    f.write(Table.MOVEMENT, ids[3]++, assetId, caseId, visitId, k, MovementKind.DIED.name(), 1, null,
                            "Sintetis: sakit kembung", b, on, GENERATOR, on.atTime(14, 0));
                }
            } else if (b > 0 && random.nextDouble() < 0.05) {
                b -= 1;
                f.write(Table.MOVEMENT, ids[3]++, assetId, caseId, visitId, k, MovementKind.BROKEN.name(), 1, null,
                        "Sintetis: rusak karena dipakai setiap hari", b, on, GENERATOR, on.atTime(14, 0));
            }
            return b;
        }

        private String acceptance() {
            double r = random.nextDouble();
            return r < 0.7 ? "GOOD" : r < 0.93 ? "FAIR" : "POOR";
        }

        void add(MonitoringFiles f) {
            totals[0] += f.count(Table.CASE);
            totals[1] += f.count(Table.VISIT);
            totals[2] = done;
            totals[3] += f.count(Table.ASSET);
            totals[4] += f.count(Table.MOVEMENT);
            totals[5] += f.count(Table.FLAG);
        }
    }
}
