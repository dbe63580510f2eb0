package id.berdaya.training.synthetic;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.tables.records.TrainingEventRecord;
import id.berdaya.registry.synthetic.SyntheticRegister;
import id.berdaya.training.TrainingEntity;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static id.berdaya.db.Tables.TRAINING_ATTENDANCE;
import static id.berdaya.db.Tables.TRAINING_CERTIFICATE;
import static id.berdaya.db.Tables.TRAINING_CERTIFICATE_NUMBER;
import static id.berdaya.db.Tables.TRAINING_EVENT;
import static id.berdaya.db.Tables.TRAINING_PARTICIPANT;
import static id.berdaya.db.Tables.TRAINING_RESULT;
import static id.berdaya.db.Tables.TRAINING_SESSION;

/**
 * Bulk writes of synthetic training data (events, sessions, participants, attendance, results,
 * certificates) with {@code LOAD DATA LOCAL INFILE}, into the tables the services write. Its
 * statements are province-wide and without a user: only the generator uses this class.
 */
@Repository
@Profile(SyntheticRegister.PROFILE)
class SyntheticTrainingRepository extends DistrictScopedRepository<TrainingEventRecord> {

    /** The columns of each file, in the order {@link SyntheticTrainingFiles} writes them. */
    static final String EVENT_COLUMNS = "id, kabkota_code, budget_year, internal_title, public_title, kind, venue, start_date, end_date, "
            + "quota, status, min_attendance_pct, min_post_score, signatory_name, signatory_position, closed_by, closed_at, "
            + "created_by, created_at, updated_at";
    static final String SESSION_COLUMNS = "id, event_id, kabkota_code, session_date, start_time, end_time, topic, facilitator_name, "
            + "facilitator_position, place";
    static final String PARTICIPANT_COLUMNS = "id, event_id, kabkota_code, beneficiary_id, full_name, start_date, end_date, status, "
            + "enrolled_by, enrolled_at";
    static final String ATTENDANCE_COLUMNS = "id, session_id, participant_id, kabkota_code, state, marked_by, marked_at";
    static final String RESULT_COLUMNS = "id, participant_id, event_id, kabkota_code, beneficiary_id, pre_score, post_score, "
            + "attendance_pct, result, result_reasons, completed_on";
    static final String CERTIFICATE_COLUMNS = "id, participant_id, event_id, kabkota_code, issuer_name, year, seq, number, code, "
            + "holder_name, public_title, start_date, end_date, venue, signatory_name, signatory_position, issued_at";

    SyntheticTrainingRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_EVENT, TRAINING_EVENT.KABKOTA_CODE, TRAINING_EVENT.ID, TrainingEntity.TRAINING_EVENT);
    }

    /** Every statement of the generator: province-wide, without a user. */
    private DSLContext generator() {
        return unscoped(UnscopedReason.SYNTHETIC_GENERATOR);
    }

    /** The next free id of each table, so that the files can carry explicit ids. */
    SyntheticTrainingFiles.Ids nextIds() {
        return new SyntheticTrainingFiles.Ids(next(TRAINING_EVENT, TRAINING_EVENT.ID), next(TRAINING_SESSION, TRAINING_SESSION.ID),
                next(TRAINING_PARTICIPANT, TRAINING_PARTICIPANT.ID), next(TRAINING_ATTENDANCE, TRAINING_ATTENDANCE.ID),
                next(TRAINING_RESULT, TRAINING_RESULT.ID), next(TRAINING_CERTIFICATE, TRAINING_CERTIFICATE.ID));
    }

    private long next(Table<?> table, org.jooq.Field<Long> id) {
        Long max = generator().select(DSL.max(id)).from(table).fetchOne(0, Long.class);
        return max == null ? 1 : max + 1;
    }

    /** The last certificate number's sequence per "kabkota/year", so that new numbers follow on. */
    Map<String, Integer> lastCertificateSeqs() {
        var c = TRAINING_CERTIFICATE;
        Map<String, Integer> m = new HashMap<>();
        generator().select(c.KABKOTA_CODE, c.YEAR, DSL.max(c.SEQ)).from(c).groupBy(c.KABKOTA_CODE, c.YEAR)
                .forEach(r -> m.put(r.value1() + "/" + r.value2(), r.value3()));
        return m;
    }

    /** Events in the whole province. */
    int events() {
        return generator().fetchCount(TRAINING_EVENT);
    }

    /** Each person with a completed training, once: district, name as enrolled, the first day they completed one; by id. */
    java.util.List<SyntheticTraining.Completer> completers() {
        var r = TRAINING_RESULT;
        var p = TRAINING_PARTICIPANT;
        return generator().select(r.BENEFICIARY_ID, DSL.min(r.KABKOTA_CODE), DSL.min(p.FULL_NAME), DSL.min(r.COMPLETED_ON))
                .from(r).join(p).on(p.ID.eq(r.PARTICIPANT_ID))
                .where(r.RESULT.eq(id.berdaya.db.enums.TrainingResultResult.COMPLETED))
                .groupBy(r.BENEFICIARY_ID).orderBy(r.BENEFICIARY_ID)
                .fetch(x -> new SyntheticTraining.Completer(x.value1(), x.value2(), x.value3(), x.value4()));
    }

    /** Attendance rows in the whole province. */
    int attendanceRows() {
        return generator().fetchCount(TRAINING_ATTENDANCE);
    }

    /**
     * Loads one chunk's files, parents first, in the caller's transaction. {@code LOAD DATA LOCAL}
     * skips a clashing row instead of failing, so each count is checked.
     */
    void load(SyntheticTrainingFiles f) {
        expect(f.events(), load(f.eventFile(), TRAINING_EVENT, EVENT_COLUMNS));
        expect(f.sessions(), load(f.sessionFile(), TRAINING_SESSION, SESSION_COLUMNS));
        expect(f.participants(), load(f.participantFile(), TRAINING_PARTICIPANT, PARTICIPANT_COLUMNS));
        expect(f.attendance(), load(f.attendanceFile(), TRAINING_ATTENDANCE, ATTENDANCE_COLUMNS));
        expect(f.results(), load(f.resultFile(), TRAINING_RESULT, RESULT_COLUMNS));
        expect(f.certificates(), load(f.certificateFile(), TRAINING_CERTIFICATE, CERTIFICATE_COLUMNS));
        // the next closing's certificate numbers follow on from the generated ones
        generator().execute("INSERT INTO {0} (kabkota_code, year, last_seq) SELECT kabkota_code, year, MAX(seq) FROM {1} "
                + "GROUP BY kabkota_code, year ON DUPLICATE KEY UPDATE last_seq = GREATEST(last_seq, VALUES(last_seq))",
                TRAINING_CERTIFICATE_NUMBER, TRAINING_CERTIFICATE);
    }

    private int load(Path file, Table<?> table, String columns) {
        return generator().execute("LOAD DATA LOCAL INFILE {0} INTO TABLE {1} CHARACTER SET utf8mb4 (" + columns + ")",
                DSL.inline(file.toString()), table);
    }

    private static void expect(int expected, int loaded) {
        if (loaded != expected) {
            throw new IllegalStateException("LOAD DATA stored " + loaded + " of " + expected
                    + " rows: another writer took an id meanwhile; this chunk is rolled back");
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
