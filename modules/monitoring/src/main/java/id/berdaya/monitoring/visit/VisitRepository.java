package id.berdaya.monitoring.visit;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.MonitoringVisitBusiness;
import id.berdaya.db.enums.MonitoringVisitCommunityAcceptance;
import id.berdaya.db.enums.MonitoringVisitFamilyAcceptance;
import id.berdaya.db.enums.MonitoringVisitWorkAcceptance;
import id.berdaya.db.tables.records.MonitoringVisitRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.MONITORING_CASE;
import static id.berdaya.db.Tables.MONITORING_VISIT;

/**
 * Monitoring visits, district-scoped. The worklist reads index ranges on ({@code done}, {@code due_on});
 * the counts are {@code trend.TrendRepository}'s.
 */
@Repository
class VisitRepository extends DistrictScopedRepository<MonitoringVisitRecord> {

    private static final id.berdaya.db.tables.MonitoringVisit V = MONITORING_VISIT;
    private static final id.berdaya.db.tables.MonitoringCase C = MONITORING_CASE;

    VisitRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_VISIT, MONITORING_VISIT.KABKOTA_CODE, MONITORING_VISIT.ID, MonitoringEntity.MONITORING_VISIT);
    }

    long insert(long caseId, String kabkota, String kecamatan, int offset, LocalDate dueOn, Long officerId) {
        MonitoringVisitRecord r = newRecord(kabkota);
        r.setCaseId(caseId);
        r.setKecamatanCode(kecamatan);
        r.setMonthOffset((byte) offset);
        r.setDueOn(dueOn);
        r.setOfficerId(officerId);
        r.store();
        return r.getId();
    }

    private static List<Field<?>> fields() {
        List<Field<?>> f = new ArrayList<>(List.of(V.fields()));
        f.add(C.BENEFICIARY_ID);
        f.add(C.BENEFICIARY_NAME);
        return f;
    }

    private List<Visit> select(Condition c, List<? extends org.jooq.OrderField<?>> order, int limit) {
        return selectVisible(fields(), V.join(C).on(C.ID.eq(V.CASE_ID)), c).orderBy(order).limit(limit).fetch(VisitRepository::toVisit);
    }

    Optional<Visit> find(long id) {
        return findVisible(id).flatMap(r -> select(V.ID.eq(id), List.of(V.ID), 1).stream().findFirst());
    }

    /** A visible visit, its row locked until the transaction ends. */
    Optional<Visit> lock(long id) {
        return findVisible(id).flatMap(r -> selectVisible(fields(), V.join(C).on(C.ID.eq(V.CASE_ID)), V.ID.eq(id)).forUpdate()
                .fetchOptional(VisitRepository::toVisit));
    }

    /** A case's visible visits, their rows locked until the transaction ends. */
    List<Visit> lockOfCase(long caseId) {
        return selectVisible(fields(), V.join(C).on(C.ID.eq(V.CASE_ID)), V.CASE_ID.eq(caseId)).orderBy(V.DUE_ON).forUpdate()
                .fetch(VisitRepository::toVisit);
    }

    /** Removes a withdrawn case's visits (open ones only: a done visit is never removed). */
    int deleteOpenOfCase(long caseId, String kabkota) {
        return writing(kabkota).deleteFrom(V).where(V.CASE_ID.eq(caseId).and(V.DONE.isFalse())).execute();
    }

    List<Visit> ofCases(Collection<Long> caseIds) {
        return select(V.CASE_ID.in(caseIds), List.of(V.CASE_ID, V.DUE_ON), 1000);
    }

    /**
     * Open visits of the worklist due from {@code from} (inclusive, null: any) to {@code to}
     * (exclusive), earliest first: an officer's own ({@code officerId}), or by the filter.
     */
    List<Visit> open(Long officerId, Worklist.Filter f, LocalDate from, LocalDate to, int limit) {
        Condition c = V.DONE.isFalse().and(worklist(officerId, f.kabkotaCode(), f.text(), officerId == null && f.unassignedOnly()));
        if (from != null) {
            c = c.and(V.DUE_ON.ge(from));
        }
        if (to != null) {
            c = c.and(V.DUE_ON.lt(to));
        }
        return select(c, List.of(V.DUE_ON, V.ID), limit);
    }

    /** The worklist's condition: an officer's own, or a district's (null: all in scope), a name's part, unassigned only. */
    private static Condition worklist(Long officerId, String kabkota, String text, boolean unassignedOnly) {
        Condition c = DSL.noCondition();
        if (officerId != null) {
            c = c.and(V.OFFICER_ID.eq(officerId));
        }
        if (kabkota != null) {
            c = c.and(V.KABKOTA_CODE.eq(kabkota));
        }
        if (text != null && !text.isBlank()) {
            c = c.and(C.BENEFICIARY_NAME.likeIgnoreCase("%" + text.trim().replace("%", "").replace("_", "") + "%"));
        }
        if (unassignedOnly) {
            c = c.and(V.OFFICER_ID.isNull());
        }
        return c;
    }

    boolean record(Visit r, VisitReport v, String by, LocalDateTime at) {
        var t = V;
        return writing(r.kabkotaCode()).update(t).set(t.DONE, true).set(t.VISITED_ON, v.visitedOn())
                .set(t.PERSON_MET, v.personMet()).set(t.NOT_MET_REASON, v.personMet() ? null : v.notMetReason().trim())
                .set(t.BUSINESS, v.personMet() ? MonitoringVisitBusiness.valueOf(v.business().name()) : null)
                .set(t.BUSINESS_REASON, v.personMet() ? trim(v.businessReason()) : null)
                .set(t.TURNOVER, v.personMet() ? v.turnover() : null).set(t.PROFIT, v.personMet() ? v.profit() : null)
                .set(t.WORK_ACCEPTANCE, v.workAcceptance() == null || !v.personMet() ? null
                        : MonitoringVisitWorkAcceptance.valueOf(v.workAcceptance().name()))
                .set(t.FAMILY_ACCEPTANCE, v.familyAcceptance() == null || !v.personMet() ? null
                        : MonitoringVisitFamilyAcceptance.valueOf(v.familyAcceptance().name()))
                .set(t.COMMUNITY_ACCEPTANCE, v.communityAcceptance() == null || !v.personMet() ? null
                        : MonitoringVisitCommunityAcceptance.valueOf(v.communityAcceptance().name()))
                .set(t.NOTES, trim(v.notes())).set(t.NEEDS, trim(v.needs())).set(t.REFERRALS, trim(v.referrals()))
                .set(t.RECORDED_BY, by).set(t.RECORDED_AT, at).set(t.VERSION, t.VERSION.plus(1))
                .where(t.ID.eq(r.id()).and(t.VERSION.eq(v.version())).and(t.DONE.isFalse())).execute() == 1;
    }

    boolean reschedule(Visit r, LocalDate dueOn, int version) {
        return writing(r.kabkotaCode()).update(V).set(V.DUE_ON, dueOn).set(V.VERSION, V.VERSION.plus(1))
                .where(V.ID.eq(r.id()).and(V.VERSION.eq(version)).and(V.DONE.isFalse())).execute() == 1;
    }

    boolean reassign(Visit r, Long officerId, int version) {
        return writing(r.kabkotaCode()).update(V).set(V.OFFICER_ID, officerId).set(V.VERSION, V.VERSION.plus(1))
                .where(V.ID.eq(r.id()).and(V.VERSION.eq(version)).and(V.DONE.isFalse())).execute() == 1;
    }

    /** Whether any visible visit of the case is assigned to this officer. */
    boolean assigned(long caseId, long officerId) {
        return countVisible(V.CASE_ID.eq(caseId).and(V.OFFICER_ID.eq(officerId))) > 0;
    }

    /** Visits done since {@code since} that found the business stopped, newest first. */
    List<Visit> stoppedSince(String kabkota, LocalDate since, int limit) {
        Condition c = V.VISITED_ON.ge(since).and(V.BUSINESS.eq(MonitoringVisitBusiness.STOPPED));
        if (kabkota != null) {
            c = c.and(V.KABKOTA_CODE.eq(kabkota));
        }
        return select(c, List.of(V.VISITED_ON.desc(), V.ID.desc()), limit);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <E extends Enum<E>> E en(Class<E> type, org.jooq.EnumType v) {
        return v == null ? null : Enum.valueOf(type, v.getLiteral());
    }

    private static Visit toVisit(Record r) {
        return new Visit(r.get(V.ID), r.get(V.CASE_ID), r.get(C.BENEFICIARY_ID), r.get(C.BENEFICIARY_NAME), r.get(V.KABKOTA_CODE),
                r.get(V.KECAMATAN_CODE), r.get(V.MONTH_OFFSET), r.get(V.DUE_ON), r.get(V.OFFICER_ID), r.get(V.DONE),
                r.get(V.VISITED_ON), r.get(V.PERSON_MET), r.get(V.NOT_MET_REASON), en(Visit.Business.class, r.get(V.BUSINESS)),
                r.get(V.BUSINESS_REASON), r.get(V.TURNOVER), r.get(V.PROFIT),
                en(Visit.Acceptance.class, r.get(V.WORK_ACCEPTANCE)), en(Visit.Acceptance.class, r.get(V.FAMILY_ACCEPTANCE)),
                en(Visit.Acceptance.class, r.get(V.COMMUNITY_ACCEPTANCE)), r.get(V.NOTES), r.get(V.NEEDS), r.get(V.REFERRALS),
                r.get(V.RECORDED_BY), r.get(V.VERSION));
    }
}
