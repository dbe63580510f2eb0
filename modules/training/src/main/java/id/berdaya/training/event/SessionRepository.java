package id.berdaya.training.event;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.TrainingSessionRecord;
import id.berdaya.training.TrainingEntity;
import org.jooq.DSLContext;
import org.jooq.exception.DataChangedException;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.TRAINING_SESSION;

/** Sessions of training events, district-scoped like their event. */
@Repository
class SessionRepository extends DistrictScopedRepository<TrainingSessionRecord> {

    SessionRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_SESSION, TRAINING_SESSION.KABKOTA_CODE, TRAINING_SESSION.ID, TrainingEntity.TRAINING_SESSION);
    }

    long insert(TrainingEvent event, NewSession n) {
        TrainingSessionRecord r = newRecord(event.kabkotaCode());
        r.setEventId(event.id());
        fill(r, n);
        r.store();
        return r.getId();
    }

    void update(long id, NewSession n, int version) {
        TrainingSessionRecord r = findVisible(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (r.getVersion() != version) {
            throw RuleViolation.concurrentChange();
        }
        writing(r.getKabkotaCode());
        fill(r, n);
        try {
            r.store();
        } catch (DataChangedException e) {
            throw RuleViolation.concurrentChange();
        }
    }

    Optional<TrainingSession> find(long id) {
        return findVisible(id).map(SessionRepository::toSession);
    }

    /** The sessions of an event in time order; with a partner id, only that agency's. */
    List<TrainingSession> ofEvent(long eventId, Long partnerId) {
        var s = TRAINING_SESSION;
        return selectVisible(s.EVENT_ID.eq(eventId).and(partnerId == null ? s.ID.isNotNull() : s.PARTNER_ID.eq(partnerId)))
                .orderBy(s.SESSION_DATE, s.START_TIME, s.ID).fetch(SessionRepository::toSession);
    }

    /** An agency's sessions within scope, in time order (its schedule). */
    List<TrainingSession> ofPartner(long partnerId) {
        var s = TRAINING_SESSION;
        return selectVisible(s.PARTNER_ID.eq(partnerId)).orderBy(s.SESSION_DATE, s.START_TIME, s.ID)
                .fetch(SessionRepository::toSession);
    }

    private static void fill(TrainingSessionRecord r, NewSession n) {
        r.setSessionDate(n.date());
        r.setStartTime(n.startTime());
        r.setEndTime(n.endTime());
        r.setTopic(n.topic().trim());
        r.setFacilitatorName(blankToNull(n.facilitatorName()));
        r.setFacilitatorPosition(blankToNull(n.facilitatorPosition()));
        r.setPartnerId(n.partnerId());
        r.setPlace(blankToNull(n.place()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static TrainingSession toSession(TrainingSessionRecord r) {
        return new TrainingSession(r.getId(), r.getEventId(), r.getKabkotaCode(), r.getSessionDate(), r.getStartTime(),
                r.getEndTime(), r.getTopic(), r.getFacilitatorName(), r.getFacilitatorPosition(), r.getPartnerId(),
                r.getPlace(), r.getVersion());
    }
}
