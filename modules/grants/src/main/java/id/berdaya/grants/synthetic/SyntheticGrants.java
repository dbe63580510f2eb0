package id.berdaya.grants.synthetic;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverItem;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.grants.synthetic.GrantsFiles.Table;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.synthetic.SyntheticTraining;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Fills the grants tables with synthetic data on top of the synthetic training data: for a share
 * of the people who completed a training, one proposal in the budget year after their training
 * (at most the current one), with its goods at that year's catalogue prices, in a state that fits
 * the year (past years nearly all handed over; the current one with many waiting at a review
 * step), its history (who and when of each step, a tenth returned once for revision), and for those
 * handed over the handover record (BAST) with its number, code and seal. Ceilings are set so that
 * every district's approvals stay within its pagu. Written with {@code LOAD DATA} in chunks of
 * {@value #CHUNK} proposals, each in its own transaction with its own audit event. Only under the
 * {@code generator} profile (the benchmarks); no user calls it.
 */
@Component
@Profile(SyntheticRegister.PROFILE)
public class SyntheticGrants {

    public static final String GENERATOR = "sintetis.bantuan";
    static final int CHUNK = 5_000;
    private static final Logger log = LoggerFactory.getLogger(SyntheticGrants.class);
    private static final String OPERATOR = "sintetis.operator";
    private static final String HEAD = "sintetis.kadinsos";
    private static final String OFFICER = "sintetis.verifikator";
    private static final Map<String, String> NAMES = Map.of(OPERATOR, "Operator Sintetis", HEAD, "Kepala Dinas Sintetis",
            OFFICER, "Verifikator Provinsi Sintetis");
    private static final long DAY = 24 * 60;

    /** What a run wrote: rows per table and proposals per state. */
    public record Result(int proposals, int items, int history, int handovers, Map<ProposalState, Integer> byState, long millis) {
    }

    private final SyntheticTraining training;
    private final SyntheticGrantsRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom codes = new SecureRandom();

    SyntheticGrants(SyntheticTraining training, SyntheticGrantsRepository repository, AuditLog audit, TransactionTemplate tx,
                    Clock clock) {
        this.training = training;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** A handover in force with what monitoring's generator builds on it. */
    public record Handed(long handoverId, long proposalId, long beneficiaryId, String name, String kabkotaCode, LocalDate handedOn,
                         int budgetYear, List<HandoverItem> items) {
    }

    /** Up to {@code limit} handovers in force after {@code afterId}, by id, with their goods. */
    public List<Handed> handedOver(long afterId, int limit) {
        return tx.execute(s -> repository.handedOver(afterId, limit));
    }

    /** Proposals in the whole province. */
    public int proposals() {
        return repository.proposals();
    }

    /**
     * Writes proposals for {@code share} (0 to 1) of the people who completed a training, at most
     * {@code max}, into empty proposal tables (one per person and year is kept within a run, so a
     * second run on top is refused).
     */
    public Result generate(double share, int max, long seed) {
        if (repository.proposals() > 0) {
            throw new IllegalStateException("The grants tables already hold proposals: generate into an empty database");
        }
        long t0 = System.nanoTime();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Random random = new Random(seed);
        List<SyntheticTraining.Completer> people = new ArrayList<>(training.completers().stream()
                .filter(c -> c.completedOn() != null && c.completedOn().isBefore(now.toLocalDate())).toList());
        Collections.shuffle(people, random);
        int n = (int) Math.min(max, Math.round(Math.max(0, Math.min(1, share)) * people.size()));
        Writer w = new Writer(now, random, repository.nextIds(), repository.lastHandoverSeqs());
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            try (GrantsFiles f = new GrantsFiles()) {
                for (int i = from; i < to; i++) {
                    w.proposal(f, people.get(i));
                }
                f.finish();
                tx.executeWithoutResult(s -> {
                    repository.load(f);
                    audit.record(AuditEvent.of(GrantsAction.GRANTS_SYNTHETIC_GENERATED).entity(GrantsEntity.GRANTS_PROPOSAL, null)
                            .after(Map.of("proposals", f.count(Table.PROPOSAL), "handovers", f.count(Table.HANDOVER),
                                    "createdBy", GENERATOR, "seed", seed)));
                });
                w.add(f);
            }
            log.info("Synthetic grants: {} of {} proposals written", to, n);
        }
        tx.executeWithoutResult(s -> w.ceilings());
        return new Result(w.totals[0], w.totals[1], w.totals[2], w.totals[3], w.byState, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Writes the rows of one proposal, its goods, history and handover. */
    private final class Writer {
        private final LocalDateTime now;
        private final Random random;
        private final long[] ids;
        private final Map<String, Integer> handoverSeq;
        private final Map<Integer, Map<String, Long>> catalogue = new HashMap<>();
        private final Map<String, Long> committed = new TreeMap<>();
        private final Map<String, String> districtNames = SyntheticTraining.districtNames();
        final int[] totals = new int[4];
        final Map<ProposalState, Integer> byState = new EnumMap<>(ProposalState.class);

        Writer(LocalDateTime now, Random random, long[] ids, Map<String, Integer> handoverSeq) {
            this.now = now;
            this.random = random;
            this.ids = ids;
            this.handoverSeq = handoverSeq;
        }

        /** A step of the proposal's history: the state it reached, by whom, after how many minutes, why. */
        private record Step(ProposalState from, ProposalState to, String actor, long minutes, String reason) {
        }

        void proposal(GrantsFiles f, SyntheticTraining.Completer c) {
            int currentYear = now.getYear();
            int year = Math.min(c.completedOn().getYear() + 1, currentYear);
            ProposalState state = year == currentYear ? SyntheticGrantsPlan.currentState(random) : SyntheticGrantsPlan.pastState(random);
            byState.merge(state, 1, Integer::sum);
            List<Step> steps = steps(state);
            LocalDateTime[] at = times(c, year, state, steps);
            long id = ids[0]++;
            String k = c.kabkotaCode();
            SyntheticGrantsPlan.Plan plan = SyntheticGrantsPlan.PLANS.get(random.nextInt(SyntheticGrantsPlan.PLANS.size()));
            Map<String, Long> items = catalogue.computeIfAbsent(year, y -> tx.execute(s ->
                    repository.catalogue(y, SyntheticGrantsPlan.CATALOGUE, now, GENERATOR)));
            long total = 0;
            List<HandoverItem> goods = new ArrayList<>();
            for (Map.Entry<String, Integer> g : new TreeMap<>(plan.goods()).entrySet()) {
                SyntheticGrantsPlan.Item item = SyntheticGrantsPlan.CATALOGUE.get(g.getKey());
                long price = item.price(year);
                total += price * g.getValue();
                f.write(Table.ITEM, ids[1]++, id, k, items.get(g.getKey()), g.getValue(), price);
                goods.add(new HandoverItem(items.get(g.getKey()), item.name(), item.unit().name().toLowerCase(Locale.ROOT), g.getValue(),
                        g.getValue(), null));
            }
            if (ProposalState.COMMITTED.contains(state)) {
                committed.merge(k + "/" + year, total, Long::sum);
            }
            String lastReason = null;
            Object[] submitted = new Object[2];
            Object[] district = new Object[2];
            Object[] province = new Object[2];
            LocalDateTime handedOver = null;
            f.write(Table.HISTORY, ids[2]++, id, k, null, ProposalState.DRAFT.name(), OPERATOR, NAMES.get(OPERATOR), at[0], null);
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                LocalDateTime t = at[i + 1];
                f.write(Table.HISTORY, ids[2]++, id, k, s.from().name(), s.to().name(), s.actor(), NAMES.get(s.actor()), t, s.reason());
                lastReason = s.reason() != null ? s.reason() : lastReason;
                switch (s.to()) {
                    case SUBMITTED -> submitted = new Object[] {s.actor(), t};
                    case DISTRICT_APPROVED -> district = new Object[] {s.actor(), t};
                    case PROVINCE_APPROVED -> province = new Object[] {s.actor(), t};
                    case REJECTED -> {
                        if (s.from() == ProposalState.SUBMITTED) {
                            district = new Object[] {s.actor(), t};
                        } else {
                            province = new Object[] {s.actor(), t};
                        }
                    }
                    case HANDED_OVER -> handedOver = t;
                    default -> { }
                }
            }
            LocalDateTime last = at[steps.size()];
            LocalDateTime waiting = state.awaitsReview() ? last : null;
            String place = "Desa Sintetis, " + districtNames.get(k);
            f.write(Table.PROPOSAL, id, k, year, c.beneficiaryId(), c.fullName(), plan.type().name(), plan.text(), place, state.name(),
                    total, lastReason, steps.stream().filter(s -> s.to() == ProposalState.DRAFT).count(), waiting, OPERATOR, at[0],
                    submitted[0], submitted[1], district[0], district[1], province[0], province[1], handedOver, last);
            if (handedOver != null) {
                handover(f, id, k, c.fullName(), handedOver, goods);
            }
        }

        private void handover(GrantsFiles f, long proposalId, String k, String receiver, LocalDateTime at, List<HandoverItem> goods) {
            int year = at.getYear();
            int seq = handoverSeq.merge(k + "/" + year, 1, Integer::sum);
            String number = "%03d/BAST-STIM/%s/%d".formatted(seq, k.replace(".", ""), year);
            byte[] bytes = new byte[18];
            codes.nextBytes(bytes);
            String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String issuer = districtNames.get(k);
            Handover h = new Handover(0, proposalId, null, k, issuer, number, code, "", at.toLocalDate(), "Balai Desa Sintetis, " + issuer,
                    "Petugas Dinas Sosial Sintetis", "Kepala Seksi Rehabilitasi Sosial", "Dinas Sosial " + issuer, receiver,
                    "Kepala Desa Sintetis", "Kepala Desa", null, OPERATOR, at.toInstant(ZoneOffset.UTC), null, goods, List.of());
            long id = ids[3]++;
            f.write(Table.HANDOVER, id, proposalId, k, year, seq, number, code, h.computeSeal(), h.handedOn(), h.place(), h.giverName(),
                    h.giverPosition(), h.giverOffice(), receiver, h.witnessName(), h.witnessPosition(), issuer, OPERATOR, at);
            for (HandoverItem i : goods) {
                f.write(Table.HANDOVER_ITEM, ids[4]++, id, k, i.catalogueItemId(), i.name(), i.unit(), i.approvedQuantity(), i.quantity(),
                        null);
            }
        }

        /** The steps after the draft that lead to {@code state}, each with its duration in minutes. */
        private List<Step> steps(ProposalState state) {
            List<Step> s = new ArrayList<>();
            if (state == ProposalState.DRAFT) {
                return s;
            }
            s.add(new Step(ProposalState.DRAFT, ProposalState.SUBMITTED, OPERATOR, minutes(1, 10), null));
            if (random.nextInt(10) == 0) { // returned once for revision, then submitted again
                s.add(new Step(ProposalState.SUBMITTED, ProposalState.DRAFT, HEAD, minutes(2, 14),
                        "Sintetis: rincian barang dan lokasi usaha belum lengkap"));
                s.add(new Step(ProposalState.DRAFT, ProposalState.SUBMITTED, OPERATOR, minutes(1, 7), null));
            }
            switch (state) {
                case SUBMITTED -> { }
                case WITHDRAWN -> s.add(new Step(ProposalState.SUBMITTED, ProposalState.WITHDRAWN, OPERATOR, minutes(1, 20),
                        "Sintetis: penerima pindah domisili ke luar daerah"));
                case REJECTED -> {
                    if (random.nextBoolean()) {
                        s.add(new Step(ProposalState.SUBMITTED, ProposalState.REJECTED, HEAD, minutes(2, 30),
                                "Sintetis: sudah menerima bantuan serupa dari program lain"));
                    } else {
                        s.add(new Step(ProposalState.SUBMITTED, ProposalState.DISTRICT_APPROVED, HEAD, minutes(2, 30), null));
                        s.add(new Step(ProposalState.DISTRICT_APPROVED, ProposalState.REJECTED, OFFICER, minutes(3, 40),
                                "Sintetis: usaha yang diusulkan tidak sesuai dengan hasil pelatihan"));
                    }
                }
                default -> {
                    s.add(new Step(ProposalState.SUBMITTED, ProposalState.DISTRICT_APPROVED, HEAD, minutes(2, 30), null));
                    if (state != ProposalState.DISTRICT_APPROVED) {
                        s.add(new Step(ProposalState.DISTRICT_APPROVED, ProposalState.PROVINCE_APPROVED, OFFICER, minutes(3, 40), null));
                    }
                    if (state == ProposalState.HANDED_OVER) {
                        s.add(new Step(ProposalState.PROVINCE_APPROVED, ProposalState.HANDED_OVER, OPERATOR, minutes(7, 60), null));
                    }
                }
            }
            return s;
        }

        /**
         * When the draft was made and each step taken: within the budget year, after the training
         * (a week after it, or from 5 January), never after now. A proposal waiting at a review step
         * this year reached it within the last 60 days; the others are spread over the year.
         */
        private LocalDateTime[] times(SyntheticTraining.Completer c, int year, ProposalState state, List<Step> steps) {
            LocalDateTime earliest = max(c.completedOn().plusDays(7).atTime(8, 0), LocalDate.of(year, 1, 5).atTime(8, 0));
            LocalDateTime latest = year == now.getYear() ? now.minusHours(1) : LocalDate.of(year, 12, 20).atTime(16, 0);
            earliest = earliest.isAfter(latest) ? latest.minusDays(1) : earliest;
            long room = java.time.Duration.between(earliest, latest).toMinutes();
            long span = steps.stream().mapToLong(Step::minutes).sum();
            double scale = span > room ? room / (double) span : 1;
            long scaledSpan = (long) (span * scale);
            LocalDateTime start;
            if (year == now.getYear() && state.awaitsReview()) {
                long ago = Math.min(room - scaledSpan, 120 + (long) (random.nextDouble() * 60 * DAY));
                start = latest.minusMinutes(ago + scaledSpan);
            } else {
                start = earliest.plusMinutes((long) (random.nextDouble() * Math.max(0, room - scaledSpan)));
            }
            LocalDateTime[] at = new LocalDateTime[steps.size() + 1];
            at[0] = start;
            for (int i = 0; i < steps.size(); i++) {
                at[i + 1] = at[i].plusMinutes(Math.max(1, (long) (steps.get(i).minutes() * scale)));
            }
            return at;
        }

        private long minutes(int fromDays, int toDays) {
            return fromDays * DAY + (long) (random.nextDouble() * (toDays - fromDays) * DAY);
        }

        void add(GrantsFiles f) {
            totals[0] += f.count(Table.PROPOSAL);
            totals[1] += f.count(Table.ITEM);
            totals[2] += f.count(Table.HISTORY);
            totals[3] += f.count(Table.HANDOVER);
        }

        /** A pagu for every district and year with proposals: a fifth above what was approved, in tens of millions, at least Rp 100.000.000. */
        void ceilings() {
            for (Map.Entry<String, Long> e : committed.entrySet()) {
                String[] ky = e.getKey().split("/");
                long pagu = Math.max(100_000_000L, (e.getValue() * 6 / 5 + 9_999_999) / 10_000_000 * 10_000_000);
                repository.ceiling(ky[0], Integer.parseInt(ky[1]), pagu, now, GENERATOR);
            }
        }

        private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
