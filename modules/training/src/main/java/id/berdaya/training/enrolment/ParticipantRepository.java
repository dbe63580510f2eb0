package id.berdaya.training.enrolment;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.TrainingParticipantStatus;
import id.berdaya.db.tables.records.TrainingParticipantRecord;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.event.TrainingEvent;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.berdaya.db.Tables.TRAINING_PARTICIPANT;

/** Participants of training events, district-scoped like their event. */
@Repository
class ParticipantRepository extends DistrictScopedRepository<TrainingParticipantRecord> {

    ParticipantRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_PARTICIPANT, TRAINING_PARTICIPANT.KABKOTA_CODE, TRAINING_PARTICIPANT.ID,
                TrainingEntity.TRAINING_PARTICIPANT);
    }

    /** The participants of an event, by name. */
    List<Participant> ofEvent(long eventId, boolean withBeneficiary) {
        var p = TRAINING_PARTICIPANT;
        return selectVisible(p.EVENT_ID.eq(eventId)).orderBy(p.FULL_NAME, p.ID)
                .fetch(r -> toParticipant(r, withBeneficiary));
    }

    /** A person's participations within scope, newest first. */
    List<Participant> ofBeneficiary(long beneficiaryId) {
        var p = TRAINING_PARTICIPANT;
        return selectVisible(p.BENEFICIARY_ID.eq(beneficiaryId)).orderBy(p.START_DATE.desc(), p.ID.desc())
                .fetch(r -> toParticipant(r, true));
    }

    Optional<Participant> find(long id) {
        return findVisible(id).map(r -> toParticipant(r, true));
    }

    /** Rows of this event for these people, whatever their status: beneficiary id → participant. */
    Map<Long, Participant> existing(long eventId, Collection<Long> beneficiaryIds) {
        var p = TRAINING_PARTICIPANT;
        return selectVisible(p.EVENT_ID.eq(eventId).and(p.BENEFICIARY_ID.in(beneficiaryIds)))
                .fetchMap(p.BENEFICIARY_ID, r -> toParticipant(r, true));
    }

    /** Of these people, those enrolled in another event whose dates overlap [start, end]: their names. */
    List<String> overlapping(long eventId, Collection<Long> beneficiaryIds, java.time.LocalDate start, java.time.LocalDate end) {
        var p = TRAINING_PARTICIPANT;
        return selectVisible(p.BENEFICIARY_ID.in(beneficiaryIds).and(p.EVENT_ID.ne(eventId))
                .and(p.STATUS.eq(TrainingParticipantStatus.ENROLLED))
                .and(p.START_DATE.le(end)).and(p.END_DATE.ge(start)))
                .orderBy(p.FULL_NAME).fetch(p.FULL_NAME);
    }

    void insert(TrainingEvent e, long beneficiaryId, String fullName, String by, LocalDateTime at) {
        TrainingParticipantRecord r = newRecord(e.kabkotaCode());
        r.setEventId(e.id());
        r.setBeneficiaryId(beneficiaryId);
        r.setFullName(fullName);
        r.setStartDate(e.startDate());
        r.setEndDate(e.endDate());
        r.setStatus(TrainingParticipantStatus.ENROLLED);
        r.setEnrolledBy(by);
        r.setEnrolledAt(at);
        r.store();
    }

    /** A guarded change of a participant's status (enrol again, or withdraw with a reason). */
    boolean setStatus(Participant p, String kabkota, ParticipantStatus to, String reason, int version) {
        var t = TRAINING_PARTICIPANT;
        return writing(kabkota).update(t)
                .set(t.STATUS, TrainingParticipantStatus.valueOf(to.name()))
                .set(t.WITHDRAW_REASON, reason)
                .set(t.VERSION, t.VERSION.plus(1))
                .where(t.ID.eq(p.id()), t.VERSION.eq(version)).execute() == 1;
    }

    private static Participant toParticipant(TrainingParticipantRecord r, boolean withBeneficiary) {
        return new Participant(r.getId(), r.getEventId(), withBeneficiary ? r.getBeneficiaryId() : null, r.getFullName(),
                ParticipantStatus.valueOf(r.getStatus().getLiteral()), r.getWithdrawReason(), r.getVersion());
    }
}
