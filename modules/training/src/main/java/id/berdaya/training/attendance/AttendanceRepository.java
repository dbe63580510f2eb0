package id.berdaya.training.attendance;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.TrainingAttendanceState;
import id.berdaya.db.tables.records.TrainingAttendanceRecord;
import id.berdaya.training.TrainingEntity;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
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

    /** Sets the states of these participants at one session in one statement (insert or change). */
    void mark(String kabkota, long sessionId, Map<Long, AttendanceState> states, String by, LocalDateTime at) {
        var a = TRAINING_ATTENDANCE;
        var insert = writing(kabkota).insertInto(a, a.SESSION_ID, a.PARTICIPANT_ID, a.KABKOTA_CODE, a.STATE, a.MARKED_BY, a.MARKED_AT);
        for (var e : states.entrySet()) {
            insert = insert.values(sessionId, e.getKey(), kabkota, TrainingAttendanceState.valueOf(e.getValue().name()), by, at);
        }
        insert.onDuplicateKeyUpdate()
                .set(a.STATE, DSL.field("VALUES({0})", a.STATE.getDataType(), a.STATE))
                .set(a.MARKED_BY, DSL.field("VALUES({0})", a.MARKED_BY.getDataType(), a.MARKED_BY))
                .set(a.MARKED_AT, DSL.field("VALUES({0})", a.MARKED_AT.getDataType(), a.MARKED_AT))
                .set(a.VERSION, a.VERSION.plus(1))
                .execute();
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
