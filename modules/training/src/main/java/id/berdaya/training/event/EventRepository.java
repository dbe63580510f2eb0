package id.berdaya.training.event;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.TrainingEventKind;
import id.berdaya.db.enums.TrainingEventStatus;
import id.berdaya.db.enums.TrainingParticipantStatus;
import id.berdaya.db.tables.records.TrainingEventRecord;
import id.berdaya.training.TrainingEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataChangedException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static id.berdaya.db.Tables.TRAINING_EVENT;
import static id.berdaya.db.Tables.TRAINING_PARTICIPANT;
import static id.berdaya.db.Tables.TRAINING_SESSION;

/** Training events, district-scoped. */
@Repository
class EventRepository extends DistrictScopedRepository<TrainingEventRecord> {

    EventRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_EVENT, TRAINING_EVENT.KABKOTA_CODE, TRAINING_EVENT.ID, TrainingEntity.TRAINING_EVENT);
    }

    long insert(NewEvent n, String createdBy, LocalDateTime now) {
        TrainingEventRecord r = newRecord(n.kabkotaCode());
        fill(r, n);
        r.setStatus(TrainingEventStatus.PLANNED);
        r.setCreatedBy(createdBy);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.store();
        return r.getId();
    }

    Optional<TrainingEvent> find(long id) {
        return findVisible(id).map(r -> toEvent(r, enrolled(id)));
    }

    /** A visible event with its row locked until the transaction ends (SELECT ... FOR UPDATE), and its count read after the lock. */
    Optional<TrainingEvent> lock(long id) {
        return selectVisible(TRAINING_EVENT.ID.eq(id)).forUpdate().fetchOptional().map(r -> toEvent(r, enrolled(id)));
    }

    /** Changes a visible event against the version the user saw. */
    void update(long id, NewEvent n, int version, LocalDateTime now) {
        TrainingEventRecord r = findVisible(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (r.getVersion() != version) {
            throw RuleViolation.concurrentChange();
        }
        writing(r.getKabkotaCode());
        fill(r, n);
        r.setUpdatedAt(now);
        try {
            r.store();
        } catch (DataChangedException e) {
            throw RuleViolation.concurrentChange();
        }
    }

    /** A guarded status change: only from {@code from} and at {@code version}; false if the row moved on. */
    boolean moveStatus(TrainingEvent e, EventStatus from, EventStatus to, int version, String closedBy, LocalDateTime at) {
        var t = TRAINING_EVENT;
        return writing(e.kabkotaCode()).update(t)
                .set(t.STATUS, TrainingEventStatus.valueOf(to.name()))
                .set(t.CLOSED_BY, to == EventStatus.CLOSED ? closedBy : null)
                .set(t.CLOSED_AT, to == EventStatus.CLOSED ? at : null)
                .set(t.UPDATED_AT, at)
                .set(t.VERSION, t.VERSION.plus(1))
                .where(t.ID.eq(e.id()), t.STATUS.eq(TrainingEventStatus.valueOf(from.name())), t.VERSION.eq(version))
                .execute() == 1;
    }

    /** Events within scope matching the filter, newest first; for a partner only those with a session of its agency. */
    List<TrainingEvent> list(EventFilter f, Long partnerId, int limit) {
        var t = TRAINING_EVENT;
        List<Condition> c = new ArrayList<>();
        if (f.budgetYear() != null) {
            c.add(t.BUDGET_YEAR.eq(f.budgetYear().shortValue()));
        }
        if (f.kabkotaCode() != null) {
            c.add(t.KABKOTA_CODE.eq(f.kabkotaCode()));
        }
        if (f.status() != null) {
            c.add(t.STATUS.eq(TrainingEventStatus.valueOf(f.status().name())));
        }
        if (partnerId != null) {
            c.add(DSL.exists(DSL.selectOne().from(TRAINING_SESSION)
                    .where(TRAINING_SESSION.EVENT_ID.eq(t.ID), TRAINING_SESSION.PARTNER_ID.eq(partnerId))));
        }
        Field<Integer> enrolled = enrolledField();
        List<Field<?>> fields = new ArrayList<>(Arrays.asList(t.fields()));
        fields.add(enrolled);
        return selectVisible(fields, DSL.and(c)).orderBy(t.START_DATE.desc(), t.ID.desc()).limit(limit)
                .fetch(r -> toEvent(r.into(t), r.get(enrolled)));
    }

    private Field<Integer> enrolledField() {
        return DSL.field(DSL.selectCount().from(TRAINING_PARTICIPANT)
                .where(TRAINING_PARTICIPANT.EVENT_ID.eq(TRAINING_EVENT.ID),
                        TRAINING_PARTICIPANT.STATUS.eq(TrainingParticipantStatus.ENROLLED),
                        visibility().on(TRAINING_PARTICIPANT.KABKOTA_CODE))).as("enrolled");
    }

    private int enrolled(long id) {
        Record r = selectVisible(List.of(enrolledField()), TRAINING_EVENT.ID.eq(id)).fetchOne();
        return r == null ? 0 : r.get(0, Integer.class);
    }

    private static void fill(TrainingEventRecord r, NewEvent n) {
        CompletionRule rule = n.rule() == null ? CompletionRule.DEFAULT : n.rule();
        r.setBudgetYear((short) n.budgetYear());
        r.setInternalTitle(n.internalTitle().trim());
        r.setPublicTitle(n.publicTitle().trim());
        r.setKind(TrainingEventKind.valueOf(n.kind().name()));
        r.setVenue(n.venue().trim());
        r.setStartDate(n.startDate());
        r.setEndDate(n.endDate());
        r.setTargetCategories(n.targetCategories() == null || n.targetCategories().isEmpty() ? null
                : n.targetCategories().stream().map(String::valueOf).collect(Collectors.joining(",")));
        r.setQuota(n.quota());
        r.setMinAttendancePct(rule.minAttendancePct());
        r.setMinPostScore(rule.minPostScore());
        r.setSignatoryName(n.signatoryName() == null || n.signatoryName().isBlank() ? null : n.signatoryName().trim());
        r.setSignatoryPosition(n.signatoryPosition() == null || n.signatoryPosition().isBlank() ? null : n.signatoryPosition().trim());
    }

    private static TrainingEvent toEvent(TrainingEventRecord r, int enrolled) {
        List<Integer> categories = r.getTargetCategories() == null ? List.of()
                : Arrays.stream(r.getTargetCategories().split(",")).map(Integer::valueOf).toList();
        return new TrainingEvent(r.getId(), r.getKabkotaCode(), r.getBudgetYear(), r.getInternalTitle(), r.getPublicTitle(),
                EventKind.valueOf(r.getKind().getLiteral()), r.getVenue(), r.getStartDate(), r.getEndDate(), categories,
                r.getQuota(), EventStatus.valueOf(r.getStatus().getLiteral()),
                new CompletionRule(r.getMinAttendancePct(), r.getMinPostScore()), r.getSignatoryName(),
                r.getSignatoryPosition(), enrolled, r.getVersion());
    }
}
