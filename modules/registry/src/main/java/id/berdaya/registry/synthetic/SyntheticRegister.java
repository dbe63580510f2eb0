package id.berdaya.registry.synthetic;

import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.RegistryAction;

import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.figures.FigureCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills the register with synthetic beneficiaries (see {@link SyntheticPeople}): the generator
 * command ({@link GenerateBeneficiaries}), the demo profile's seeding ({@link DemoBeneficiaries})
 * and the benchmarks. Rows go into the same tables the service writes, name tokens included, in
 * chunks of {@value #CHUNK}, each in its own transaction with its possible duplicates queued by
 * the import's rule ({@link SyntheticRegisterRepository#openDuplicates}) and its own audit event. Not a
 * service: no user calls it.
 */
@Component
@Profile({"demo", SyntheticRegister.PROFILE})
public class SyntheticRegister {

    /** The profile of the generator command (and of the tests and benchmarks that generate people). */
    public static final String PROFILE = "generator";

    public static final String GENERATOR = "sintetis.generator";
    public static final String DEMO = "sintetis.demo";
    static final int CHUNK = 20_000;
    private static final Logger log = LoggerFactory.getLogger(SyntheticRegister.class);

    /** What a run wrote. */
    public record Result(int people, int duplicatePairs, long firstId, long lastId, long millis) {
        public double rowsPerSecond() {
            return millis == 0 ? people : people * 1000.0 / millis;
        }
    }

    private final SyntheticRegisterRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final FigureCounts figures;

    SyntheticRegister(SyntheticRegisterRepository repository, AuditLog audit, TransactionTemplate tx,
                      Clock clock, FigureCounts figures) {
        this.repository = repository;
        this.figures = figures;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Adds {@code count} people. About {@code duplicatePerMille}‰ of them are a second record of an
     * earlier person (same name and birth date, another NIK); every new record with the name and
     * birth date of an earlier one is queued as a possible duplicate, as a registration would;
     * {@code flagShare} of them carry a review flag (birth date one day off their NIK).
     */
    public Result generate(int count, long seed, String createdBy, int duplicatePerMille, double flagShare) {
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        Map<Integer, Integer> categoryIds = repository.categoryIdsByNumber();
        SyntheticPeople people = new SyntheticPeople(random, SyntheticPeople.Regions.fromReferenceData(),
                repository.lastSyntheticSerials(), flagShare, LocalDate.now(clock));
        long firstId = repository.maxId() + 1;
        long id = firstId;
        int pairs = 0;
        int written = 0;
        while (written < count) {
            int size = Math.min(CHUNK, count - written);
            long chunkFirst = id;
            List<SyntheticPeople.Person> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                chunk.add(!chunk.isEmpty() && random.nextInt(1000) < duplicatePerMille
                        ? people.twinOf(chunk.get(random.nextInt(chunk.size())), id++)
                        : people.next(id++));
            }
            long chunkLast = id - 1;
            long[] millis = new long[2];
            pairs += tx.execute(s -> {
                long t = System.nanoTime();
                // the scorecards' counts: not a trigger per row, one rebuild after the load (ADR 0006)
                figures.deferringTriggers(() -> {
                    repository.load(chunk, categoryIds, createdBy);
                    return null;
                });
                millis[0] = (System.nanoTime() - t) / 1_000_000;
                t = System.nanoTime();
                int queued = repository.openDuplicates(chunkFirst, chunkLast);
                millis[1] = (System.nanoTime() - t) / 1_000_000;
                audit.record(AuditEvent.of(RegistryAction.SYNTHETIC_GENERATED).entity(RegistryEntity.BENEFICIARY, null)
                        .after(Map.of("rows", chunk.size(), "duplicatePairs", queued, "firstId", chunkFirst, "lastId", chunkLast, "createdBy", createdBy, "seed", seed)));
                return queued;
            });
            written += size;
            if (count > CHUNK) {
                log.info("Synthetic beneficiaries: {} of {} written (this chunk: load {} ms, duplicate queue {} ms)", written, count,
                        millis[0], millis[1]);
            }
        }
        figures.rebuild();
        Result result = new Result(written, pairs, firstId, id - 1, (System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    /** A person whom a training may enrol (already active in a programme), for the training data generator. */
    public record Enrollable(long id, String kabkotaCode, String fullName) {
    }

    /** Every active beneficiary by kabupaten/kota, in id order: whom the training generator enrols. */
    public Map<String, List<Enrollable>> enrollableByDistrict() {
        return repository.enrollableByDistrict();
    }

    /** The kecamatan each of these people lives in, by id (the monitoring generator's follow-ups). */
    public Map<Long, String> kecamatanOf(java.util.Collection<Long> ids) {
        return repository.kecamatanOf(ids);
    }

    /** Rows in the whole register. */
    public int total() {
        return repository.total();
    }

    /** Whether the demo seeding has already run on this database. */
    public boolean demoSeeded() {
        return repository.anyCreatedBy(DEMO);
    }
}
