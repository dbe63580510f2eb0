package id.berdaya.training.attendance;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.TrainingAttendanceState;
import id.berdaya.db.tables.records.TrainingAttendanceRecord;
import id.berdaya.training.TrainingEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.TRAINING_ATTENDANCE;

/** Attendance per session and participant, district-scoped like its event. */
@Repository
class AttendanceRepository extends DistrictScopedRepository<TrainingAttendanceRecord> {

    AttendanceRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_ATTENDANCE, TRAINING_ATTENDANCE.KABKOTA_CODE, TRAINING_ATTENDANCE.ID,
                TrainingEntity.TRAINING_ATTENDANCE);
    }

    /**
     * Sets the states of these participants at one session in one statement (insert or change), as
     * a mark of the server: its sequence is the server's clock, and at least one above the last tap's.
     */
    void mark(String kabkota, long sessionId, Map<Long, AttendanceState> states, String by, LocalDateTime at) {
        var a = TRAINING_ATTENDANCE;
        long seq = at.toInstant(ZoneOffset.UTC).toEpochMilli();
        var insert = writing(kabkota).insertInto(a, a.SESSION_ID, a.PARTICIPANT_ID, a.KABKOTA_CODE, a.STATE, a.TAP_SEQ, a.MARKED_BY, a.MARKED_AT);
        for (var e : states.entrySet()) {
            insert = insert.values(sessionId, e.getKey(), kabkota, TrainingAttendanceState.valueOf(e.getValue().name()), seq, by, at);
        }
        insert.onDuplicateKeyUpdate()
                .set(a.STATE, values(a.STATE))
                .set(a.MARKED_BY, values(a.MARKED_BY))
                .set(a.MARKED_AT, values(a.MARKED_AT))
                .set(a.VERSION, a.VERSION.plus(1))
                .set(a.TAP_SEQ, DSL.greatest(DSL.coalesce(a.TAP_SEQ, 0L).plus(1), values(a.TAP_SEQ)))
                .execute();
    }

    /**
     * Applies taps at one session in one statement: each participant's row takes the tap's state
     * only if the tap's sequence is higher than the stored one (a replayed or older tap changes
     * nothing). The sequence is assigned last, after the columns that compare against it.
     */
    void applyTaps(String kabkota, long sessionId, Collection<AttendanceTap> taps, String by, LocalDateTime at) {
        var a = TRAINING_ATTENDANCE;
        var insert = writing(kabkota).insertInto(a, a.SESSION_ID, a.PARTICIPANT_ID, a.KABKOTA_CODE, a.STATE, a.TAP_SEQ, a.MARKED_BY, a.MARKED_AT);
        for (AttendanceTap t : taps) {
            insert = insert.values(sessionId, t.participantId(), kabkota, TrainingAttendanceState.valueOf(t.state().name()), t.seq(), by, at);
        }
        Condition newer = values(a.TAP_SEQ).gt(DSL.coalesce(a.TAP_SEQ, -1L));
        insert.onDuplicateKeyUpdate()
                .set(a.STATE, DSL.when(newer, values(a.STATE)).otherwise(a.STATE))
                .set(a.MARKED_BY, DSL.when(newer, values(a.MARKED_BY)).otherwise(a.MARKED_BY))
                .set(a.MARKED_AT, DSL.when(newer, values(a.MARKED_AT)).otherwise(a.MARKED_AT))
                .set(a.VERSION, DSL.when(newer, a.VERSION.plus(1)).otherwise(a.VERSION))
                .set(a.TAP_SEQ, DSL.when(newer, values(a.TAP_SEQ)).otherwise(a.TAP_SEQ))
                .execute();
    }

    /** The marks of these participants at one session, with their sequence (0 for a mark older than sequences). */
    Map<Long, AttendanceTap> marks(long sessionId, Collection<Long> participantIds) {
        var a = TRAINING_ATTENDANCE;
        Condition where = a.SESSION_ID.eq(sessionId);
        if (participantIds != null) {
            where = where.and(a.PARTICIPANT_ID.in(participantIds));
        }
        Map<Long, AttendanceTap> marks = new HashMap<>();
        selectVisible(List.of(a.PARTICIPANT_ID, a.STATE, a.TAP_SEQ), where).forEach(r -> marks.put(r.get(a.PARTICIPANT_ID),
                new AttendanceTap(r.get(a.PARTICIPANT_ID), AttendanceState.valueOf(r.get(a.STATE).getLiteral()),
                        r.get(a.TAP_SEQ) == null ? 0 : r.get(a.TAP_SEQ))));
        return marks;
    }

    private static <T> Field<T> values(Field<T> column) {
        return DSL.field("VALUES({0})", column.getDataType(), column);
    }

    /** The states marked at one session: participant id → state. */
    Map<Long, AttendanceState> ofSession(long sessionId) {
        var a = TRAINING_ATTENDANCE;
        Map<Long, AttendanceState> states = new HashMap<>();
        selectVisible(List.of(a.PARTICIPANT_ID, a.STATE), a.SESSION_ID.eq(sessionId))
                .forEach(r -> states.put(r.get(a.PARTICIPANT_ID), AttendanceState.valueOf(r.get(a.STATE).getLiteral())));
        return states;
    }

    /** The states marked at these sessions: session id → participant id → state. */
    Map<Long, Map<Long, AttendanceState>> ofSessions(Collection<Long> sessionIds) {
        var a = TRAINING_ATTENDANCE;
        Map<Long, Map<Long, AttendanceState>> states = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return states;
        }
        selectVisible(List.of(a.SESSION_ID, a.PARTICIPANT_ID, a.STATE), a.SESSION_ID.in(sessionIds))
                .forEach(r -> states.computeIfAbsent(r.get(a.SESSION_ID), k -> new HashMap<>())
                        .put(r.get(a.PARTICIPANT_ID), AttendanceState.valueOf(r.get(a.STATE).getLiteral())));
        return states;
    }

    /** How many of these sessions each participant attended (present or late): participant id → count. */
    Map<Long, Integer> attended(Collection<Long> sessionIds) {
        var a = TRAINING_ATTENDANCE;
        Map<Long, Integer> counts = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return counts;
        }
        selectVisible(List.of(a.PARTICIPANT_ID, DSL.count()), TRAINING_ATTENDANCE,
                a.SESSION_ID.in(sessionIds).and(a.STATE.in(TrainingAttendanceState.PRESENT, TrainingAttendanceState.LATE)))
                .groupBy(a.PARTICIPANT_ID)
                .forEach(r -> counts.put(r.get(a.PARTICIPANT_ID), r.get(1, Integer.class)));
        return counts;
    }
}
