package id.berdaya.training.synthetic;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.TrainingAction;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventKind;
import id.berdaya.training.event.EventStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills the training tables with synthetic data on top of a synthetic register (see
 * {@link SyntheticTrainingPlan}): events in every district since 2021 with their sessions,
 * participants (active beneficiaries of the district, never in two events at once), attendance,
 * scores, results by the default completion rule and certificates. Written with {@code LOAD DATA}
 * in chunks of {@value #CHUNK} events, each in its own transaction with its own audit event.
 * Only under the {@code generator} profile (the benchmarks); no user calls it.
 */
@Component
@Profile(SyntheticRegister.PROFILE)
public class SyntheticTraining {

    public static final String GENERATOR = "sintetis.pelatihan";
    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(SyntheticTraining.class);
    private static final Map<EventKind, String> KIND = Map.of(EventKind.ENTREPRENEURSHIP, "Kewirausahaan",
            EventKind.LIVESTOCK, "Peternakan", EventKind.SKILLS, "Keterampilan", EventKind.OTHER, "Pengembangan Diri");
    private static final String[] TOPICS = {"Motivasi usaha", "Pencatatan keuangan", "Pemasaran", "Perizinan usaha",
            "Kesehatan kerja", "Praktik produksi", "Rencana usaha", "Bimbingan rohani"};

    /** What a run wrote. */
    public record Result(int events, int sessions, int participants, int attendance, int results, int certificates, long millis) {
    }

    private final SyntheticRegister register;
    private final SyntheticTrainingRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom codes = new SecureRandom();

    SyntheticTraining(SyntheticRegister register, SyntheticTrainingRepository repository, AuditLog audit, TransactionTemplate tx,
                      Clock clock) {
        this.register = register;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Events in the whole province. */
    public int events() {
        return repository.events();
    }

    /** A person who completed a training: their district, name and the first day they completed one. */
    public record Completer(long beneficiaryId, String kabkotaCode, String fullName, LocalDate completedOn) {
    }

    /** Everyone with a completed training, once, by id (the grants generator proposes for a share of them). */
    public List<Completer> completers() {
        return repository.completers();
    }

    /** Attendance rows in the whole province. */
    public int attendanceRows() {
        return repository.attendanceRows();
    }

    /**
     * Writes {@code events} events holding exactly {@code attendanceRows} attendance rows (about 50
     * per event works) into empty training tables: the rule that nobody is in two events at once is
     * kept within one run, so a second run on top is refused.
     */
    public Result generate(int events, int attendanceRows, long seed) {
        if (repository.events() > 0) {
            throw new IllegalStateException("The training tables already hold events: generate into an empty database");
        }
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        Map<String, List<SyntheticRegister.Enrollable>> people = new HashMap<>(register.enrollableByDistrict());
        List<String> districts = new ArrayList<>(people.keySet());
        Collections.sort(districts);
        int[] weights = districts.stream().mapToInt(d -> people.get(d).size()).toArray();
        for (String d : districts) {
            List<SyntheticRegister.Enrollable> shuffled = new ArrayList<>(people.get(d));
            Collections.shuffle(shuffled, random);
            people.put(d, shuffled);
        }
        LocalDate today = LocalDate.now(clock);
        SyntheticTrainingPlan plan = SyntheticTrainingPlan.of(events, attendanceRows, random, districts, weights, today);
        Writer w = new Writer(plan, people, repository.nextIds(), repository.lastCertificateSeqs(), districtNames(), random);
        int[] totals = new int[6];
        for (int from = 0; from < plan.size; from += CHUNK) {
            int to = Math.min(plan.size, from + CHUNK);
            try (SyntheticTrainingFiles f = new SyntheticTrainingFiles()) {
                for (int i = from; i < to; i++) {
                    w.event(f, i);
                }
                f.finish();
                tx.executeWithoutResult(s -> {
                    repository.load(f);
                    audit.record(AuditEvent.of(TrainingAction.TRAINING_SYNTHETIC_GENERATED).entity(TrainingEntity.TRAINING_EVENT, null)
                            .after(Map.of("events", f.events(), "participants", f.participants(), "attendance", f.attendance(),
                                    "certificates", f.certificates(), "createdBy", GENERATOR, "seed", seed)));
                });
                int[] c = {f.events(), f.sessions(), f.participants(), f.attendance(), f.results(), f.certificates()};
                for (int k = 0; k < c.length; k++) {
                    totals[k] += c[k];
                }
            }
            log.info("Synthetic training: {} of {} events written ({} attendance rows so far)", to, plan.size, totals[3]);
        }
        return new Result(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], (System.nanoTime() - t0) / 1_000_000);
    }

    /** "Kabupaten Cilacap" by code, as a certificate names its issuer: from the reference data (module db). */
    public static Map<String, String> districtNames() {
        Map<String, String> names = new HashMap<>();
        try (var in = SyntheticTraining.class.getResourceAsStream("/reference/kabkota.csv")) {
            if (in == null) {
                throw new IllegalStateException("Reference data /reference/kabkota.csv is not on the classpath (module db)");
            }
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(",", 3))
                    .forEach(f -> names.put(f[0], (f[2].trim().equals("KOTA") ? "Kota " : "Kabupaten ") + f[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    /** Writes the rows of one planned event, and chooses its participants. */
    private final class Writer {
        private final SyntheticTrainingPlan plan;
        private final Map<String, List<SyntheticRegister.Enrollable>> people;
        private final Map<String, Integer> cursor = new HashMap<>();
        private final Map<Long, LocalDate> busyUntil = new HashMap<>();
        private final Map<String, Integer> batch = new HashMap<>();
        private final SyntheticTrainingFiles.Ids ids;
        private final Map<String, Integer> certificateSeq;
        private final Map<String, String> districtNames;
        private final Random random;

        Writer(SyntheticTrainingPlan plan, Map<String, List<SyntheticRegister.Enrollable>> people, SyntheticTrainingFiles.Ids ids,
               Map<String, Integer> certificateSeq, Map<String, String> districtNames, Random random) {
            this.plan = plan;
            this.people = people;
            this.ids = ids;
            this.certificateSeq = certificateSeq;
            this.districtNames = districtNames;
            this.random = random;
        }

        void event(SyntheticTrainingFiles f, int i) {
            String k = plan.district[i];
            LocalDate start = plan.start[i];
            LocalDate end = plan.end(i);
            int year = start.getYear();
            EventKind kind = EventKind.values()[random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3)];
            int n = batch.merge(k + "/" + year, 1, Integer::sum);
            String publicTitle = "Pelatihan %s Sintetis Angkatan %d/%d".formatted(KIND.get(kind), n, year);
            String venue = "Balai Sintetis " + districtNames.get(k);
            long eventId = ids.event++;
            boolean closed = plan.status[i] == EventStatus.CLOSED;
            String created = SyntheticTrainingFiles.timestamp(start.minusDays(30).atTime(9, 0));
            f.event(eventId, k, year, "Sintetis: " + KIND.get(kind) + " angkatan " + n + " " + year, publicTitle, kind.name(), venue,
                    start, end, plan.participants[i] + 5 + random.nextInt(10), plan.status[i].name(), "80", "60",
                    "Kepala Dinas Sintetis", "Kepala Dinas Sosial", closed ? GENERATOR : null,
                    closed ? SyntheticTrainingFiles.timestamp(end.plusDays(1).atTime(15, 0)) : null, GENERATOR, created, created);
            long[] sessionIds = new long[plan.sessions[i]];
            for (int s = 0; s < sessionIds.length; s++) {
                sessionIds[s] = ids.session++;
                boolean morning = s % 2 == 0;
                f.session(sessionIds[s], eventId, k, start.plusDays(s / 2), morning ? "08:00:00" : "10:30:00",
                        morning ? "10:00:00" : "12:30:00", TOPICS[(s + i) % TOPICS.length], "Fasilitator Sintetis " + (1 + s),
                        "Narasumber", venue);
            }
            int toMark = plan.marked[i];
            for (SyntheticRegister.Enrollable p : pick(k, start, end, plan.participants[i])) {
                long participantId = ids.participant++;
                f.participant(participantId, eventId, k, p.id(), p.fullName(), start, end, "ENROLLED", GENERATOR, created);
                int attended = 0;
                for (long sessionId : sessionIds) {
                    if (toMark == 0) {
                        break;
                    }
                    AttendanceState state = state();
                    attended += state.attended() ? 1 : 0;
                    f.attendance(ids.attendance++, sessionId, participantId, k, state.name(), GENERATOR,
                            SyntheticTrainingFiles.timestamp(start.atTime(12, 45)));
                    toMark--;
                }
                if (closed) {
                    result(f, i, eventId, participantId, p, attended, publicTitle, venue);
                }
            }
        }

        private void result(SyntheticTrainingFiles f, int i, long eventId, long participantId, SyntheticRegister.Enrollable p,
                            int attended, String publicTitle, String venue) {
            String k = plan.district[i];
            BigDecimal post = random.nextInt(100) < 3 ? null : BigDecimal.valueOf(55 + random.nextInt(46));
            CompletionRule.Judgement j = CompletionRule.DEFAULT.judge(attended, plan.sessions[i], post);
            LocalDate end = plan.end(i);
            f.result(ids.result++, participantId, eventId, k, p.id(), 30 + random.nextInt(41), post, j.attendancePct(),
                    j.completed() ? "COMPLETED" : "NOT_COMPLETED", j.reasons().isEmpty() ? null : String.join(",", j.reasons()),
                    j.completed() ? end : null);
            if (j.completed()) {
                int year = plan.start[i].getYear();
                int seq = certificateSeq.merge(k + "/" + year, 1, Integer::sum);
                byte[] code = new byte[18];
                codes.nextBytes(code);
                f.certificate(ids.certificate++, participantId, eventId, k, districtNames.get(k), year, seq,
                        "%03d/PLT-%s/%d".formatted(seq, k.replace(".", ""), year), Base64.getUrlEncoder().withoutPadding().encodeToString(code),
                        p.fullName(), publicTitle, plan.start[i], end, venue, "Kepala Dinas Sintetis", "Kepala Dinas Sosial",
                        SyntheticTrainingFiles.timestamp(end.plusDays(1).atTime(15, 0)));
            }
        }

        /** The next people of the district who are free on these dates (each district's people taken in turn). */
        private List<SyntheticRegister.Enrollable> pick(String k, LocalDate start, LocalDate end, int n) {
            List<SyntheticRegister.Enrollable> all = people.get(k);
            List<SyntheticRegister.Enrollable> out = new ArrayList<>(n);
            int c = cursor.getOrDefault(k, 0);
            for (int tries = 0; out.size() < n && tries < all.size(); tries++) {
                SyntheticRegister.Enrollable p = all.get(c++ % all.size());
                LocalDate busy = busyUntil.get(p.id());
                if (busy == null || busy.isBefore(start)) {
                    out.add(p);
                    busyUntil.put(p.id(), end);
                }
            }
            cursor.put(k, c % all.size());
            if (out.size() < n) {
                throw new IllegalStateException("Too few free active people in " + k + " for an event on " + start);
            }
            return out;
        }

        private AttendanceState state() {
            int r = random.nextInt(100);
            return r < 88 ? AttendanceState.PRESENT : r < 93 ? AttendanceState.LATE : r < 96 ? AttendanceState.EXCUSED : AttendanceState.ABSENT;
        }
    }
}
