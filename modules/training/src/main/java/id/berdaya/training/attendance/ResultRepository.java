package id.berdaya.training.attendance;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.TrainingResultResult;
import id.berdaya.db.tables.records.TrainingResultRecord;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.enrolment.Participant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.TRAINING_RESULT;

/** Scores and results per participant, district-scoped like their event. */
@Repository
class ResultRepository extends DistrictScopedRepository<TrainingResultRecord> {

    ResultRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_RESULT, TRAINING_RESULT.KABKOTA_CODE, TRAINING_RESULT.ID, TrainingEntity.TRAINING_PARTICIPANT);
    }

    /** The results of an event: participant id → result. */
    Map<Long, ParticipantResult> ofEvent(long eventId) {
        return selectVisible(TRAINING_RESULT.EVENT_ID.eq(eventId))
                .fetchMap(TRAINING_RESULT.PARTICIPANT_ID, ResultRepository::toResult);
    }

    /** Sets a participant's scores (a row is made on first use). */
    void scores(Participant p, String kabkota, long beneficiaryId, BigDecimal pre, BigDecimal post) {
        var r = TRAINING_RESULT;
        writing(kabkota).insertInto(r, r.PARTICIPANT_ID, r.EVENT_ID, r.KABKOTA_CODE, r.BENEFICIARY_ID, r.PRE_SCORE, r.POST_SCORE)
                .values(p.id(), p.eventId(), kabkota, beneficiaryId, pre, post)
                .onDuplicateKeyUpdate().set(r.PRE_SCORE, pre).set(r.POST_SCORE, post).set(r.VERSION, r.VERSION.plus(1))
                .execute();
    }

    /** One participant's computed result, to be written by {@link #results}. */
    record Computed(Participant participant, BigDecimal attendancePct, boolean completed, List<String> reasons) {
    }

    /** Writes the computed results of an event's participants in one statement. */
    void results(String kabkota, List<Computed> computed, LocalDate completedOn) {
        if (computed.isEmpty()) {
            return;
        }
        var r = TRAINING_RESULT;
        var insert = writing(kabkota).insertInto(r, r.PARTICIPANT_ID, r.EVENT_ID, r.KABKOTA_CODE, r.BENEFICIARY_ID, r.ATTENDANCE_PCT,
                r.RESULT, r.RESULT_REASONS, r.COMPLETED_ON);
        for (Computed c : computed) {
            Participant p = c.participant();
            insert = insert.values(p.id(), p.eventId(), kabkota, p.beneficiaryId(), c.attendancePct(),
                    c.completed() ? TrainingResultResult.COMPLETED : TrainingResultResult.NOT_COMPLETED,
                    c.reasons().isEmpty() ? null : String.join(",", c.reasons()), c.completed() ? completedOn : null);
        }
        insert.onDuplicateKeyUpdate()
                .set(r.ATTENDANCE_PCT, DSL.field("VALUES({0})", r.ATTENDANCE_PCT.getDataType(), r.ATTENDANCE_PCT))
                .set(r.RESULT, DSL.field("VALUES({0})", r.RESULT.getDataType(), r.RESULT))
                .set(r.RESULT_REASONS, DSL.field("VALUES({0})", r.RESULT_REASONS.getDataType(), r.RESULT_REASONS))
                .set(r.COMPLETED_ON, DSL.field("VALUES({0})", r.COMPLETED_ON.getDataType(), r.COMPLETED_ON))
                .set(r.VERSION, r.VERSION.plus(1))
                .execute();
    }

    /** Clears the computed results of an event (it was reopened); scores stay. */
    void clear(long eventId, String kabkota) {
        var r = TRAINING_RESULT;
        writing(kabkota).update(r).setNull(r.ATTENDANCE_PCT).setNull(r.RESULT).setNull(r.RESULT_REASONS).setNull(r.COMPLETED_ON)
                .set(r.VERSION, r.VERSION.plus(1)).where(r.EVENT_ID.eq(eventId)).execute();
    }

    /** The trainings a visible person completed, newest first. */
    List<CompletedTraining> completed(long beneficiaryId) {
        var r = TRAINING_RESULT;
        return selectVisible(r.BENEFICIARY_ID.eq(beneficiaryId).and(r.RESULT.eq(TrainingResultResult.COMPLETED)))
                .orderBy(r.COMPLETED_ON.desc(), r.ID.desc())
                .fetch(x -> new CompletedTraining(x.getEventId(), x.getParticipantId(), x.getCompletedOn()));
    }

    private static ParticipantResult toResult(TrainingResultRecord r) {
        return new ParticipantResult(r.getParticipantId(), r.getEventId(), r.getPreScore(), r.getPostScore(),
                r.getAttendancePct(), r.getResult() == null ? null : ResultStatus.valueOf(r.getResult().getLiteral()),
                r.getResultReasons() == null ? List.of() : Arrays.asList(r.getResultReasons().split(",")), r.getCompletedOn());
    }
}
