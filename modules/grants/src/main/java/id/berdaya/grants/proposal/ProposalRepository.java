package id.berdaya.grants.proposal;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.GrantsProposalBusinessType;
import id.berdaya.db.enums.GrantsProposalState;
import id.berdaya.db.tables.records.GrantsProposalRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_PROPOSAL;

/** Proposals, district-scoped (the beneficiary's district). */
@Repository
class ProposalRepository extends DistrictScopedRepository<GrantsProposalRecord> {

    private static final GrantsProposalState[] COMMITTED = ProposalState.COMMITTED.stream().map(ProposalRepository::db)
            .toArray(GrantsProposalState[]::new);

    private final DistrictScope scope;

    ProposalRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_PROPOSAL, GRANTS_PROPOSAL.KABKOTA_CODE, GRANTS_PROPOSAL.ID, GrantsEntity.GRANTS_PROPOSAL);
        this.scope = scope;
    }

    Optional<Proposal> find(long id) {
        return findVisible(id).map(ProposalRepository::toProposal);
    }

    boolean exists(long beneficiaryId, int year) {
        return countVisible(GRANTS_PROPOSAL.BENEFICIARY_ID.eq(beneficiaryId).and(GRANTS_PROPOSAL.BUDGET_YEAR.eq((short) year))) > 0;
    }

    long insert(NewProposal n, String kabkota, String name, long total, String by, LocalDateTime at) {
        GrantsProposalRecord r = newRecord(kabkota);
        r.setBudgetYear((short) n.budgetYear());
        r.setBeneficiaryId(n.beneficiaryId());
        r.setBeneficiaryName(name);
        fill(r, n);
        r.setState(GrantsProposalState.DRAFT);
        r.setTotal(total);
        r.setCreatedBy(by);
        r.setCreatedAt(at);
        r.setUpdatedAt(at);
        r.store();
        return r.getId();
    }

    /** Changes a draft at the version the user saw; false if it moved on. */
    boolean updateDraft(Proposal p, NewProposal n, long total, int version, LocalDateTime at) {
        var t = GRANTS_PROPOSAL;
        return writing(p.kabkotaCode()).update(t)
                .set(t.BUSINESS_TYPE, GrantsProposalBusinessType.valueOf(n.businessType().name()))
                .set(t.BUSINESS_PLAN, n.businessPlan().trim()).set(t.LOCATION, n.location().trim()).set(t.TOTAL, total)
                .set(t.UPDATED_AT, at).set(t.VERSION, t.VERSION.plus(1))
                .where(t.ID.eq(p.id()), t.STATE.eq(GrantsProposalState.DRAFT), t.VERSION.eq(version)).execute() == 1;
    }

    /**
     * The guarded transition: only from {@code p}'s state at {@code version} (a row that moved on
     * is left alone and false answered). Records who and when of the step; a return for revision
     * clears the decisions of the round, so the next round starts afresh (the history keeps them).
     */
    boolean move(Proposal p, ProposalState to, int version, String by, LocalDateTime at, String reason, Long total) {
        var t = GRANTS_PROPOSAL;
        UpdateSetMoreStep<GrantsProposalRecord> u = writing(p.kabkotaCode()).update(t).set(t.STATE, db(to))
                .set(t.UPDATED_AT, at).set(t.VERSION, t.VERSION.plus(1));
        switch (to) {
            case SUBMITTED -> u = u.set(t.SUBMITTED_BY, by).set(t.SUBMITTED_AT, at).set(t.WAITING_SINCE, at);
            case DISTRICT_APPROVED -> u = u.set(t.DISTRICT_DECIDED_BY, by).set(t.DISTRICT_DECIDED_AT, at).set(t.WAITING_SINCE, at);
            case PROVINCE_APPROVED -> u = p.state() == ProposalState.HANDED_OVER
                    ? u.set(t.HANDED_OVER_AT, (LocalDateTime) null).set(t.LAST_REASON, reason)
                    : u.set(t.PROVINCE_DECIDED_BY, by).set(t.PROVINCE_DECIDED_AT, at).set(t.WAITING_SINCE, (LocalDateTime) null);
            case DRAFT -> u = u.set(t.RETURNS, t.RETURNS.plus(1)).set(t.LAST_REASON, reason).set(t.WAITING_SINCE, (LocalDateTime) null)
                    .set(t.DISTRICT_DECIDED_BY, (String) null).set(t.DISTRICT_DECIDED_AT, (LocalDateTime) null);
            case REJECTED -> {
                u = u.set(t.LAST_REASON, reason).set(t.WAITING_SINCE, (LocalDateTime) null);
                u = p.state() == ProposalState.SUBMITTED
                        ? u.set(t.DISTRICT_DECIDED_BY, by).set(t.DISTRICT_DECIDED_AT, at)
                        : u.set(t.PROVINCE_DECIDED_BY, by).set(t.PROVINCE_DECIDED_AT, at);
            }
            case WITHDRAWN -> u = u.set(t.LAST_REASON, reason).set(t.WAITING_SINCE, (LocalDateTime) null);
            case HANDED_OVER -> u = u.set(t.HANDED_OVER_AT, at);
            default -> throw new IllegalArgumentException("no transition to " + to);
        }
        if (total != null) {
            u = u.set(t.TOTAL, total);
        }
        return u.where(t.ID.eq(p.id()), t.STATE.eq(db(p.state())), t.VERSION.eq(version)).execute() == 1;
    }

    /** The district's total of approved-and-later proposals of the year, other than {@code exceptId} (rupiah). */
    long committedTotal(String kabkota, int year, long exceptId) {
        var t = GRANTS_PROPOSAL;
        BigDecimal sum = selectVisible(List.of(DSL.sum(t.TOTAL)), t.KABKOTA_CODE.eq(kabkota)
                .and(t.BUDGET_YEAR.eq((short) year)).and(t.STATE.in(COMMITTED)).and(t.ID.ne(exceptId)))
                .fetchOne(0, BigDecimal.class);
        return sum == null ? 0 : sum.longValueExact();
    }

    /** Per district within scope, the year's totals of approved-and-later proposals and of those handed over. */
    Map<String, long[]> absorption(int year) {
        var t = GRANTS_PROPOSAL;
        var committed = DSL.sum(DSL.when(t.STATE.in(COMMITTED), t.TOTAL).otherwise(0L));
        var handed = DSL.sum(DSL.when(t.STATE.eq(GrantsProposalState.HANDED_OVER), t.TOTAL).otherwise(0L));
        Map<String, long[]> out = new java.util.TreeMap<>();
        selectVisible(List.of(t.KABKOTA_CODE, committed, handed), t.BUDGET_YEAR.eq((short) year)).groupBy(t.KABKOTA_CODE)
                .forEach(r -> out.put(r.get(t.KABKOTA_CODE), new long[] {r.get(committed).longValue(), r.get(handed).longValue()}));
        return out;
    }

    /** Proposals within scope matching the filter, newest first. */
    List<Proposal> list(ProposalFilter f, int limit) {
        var t = GRANTS_PROPOSAL;
        List<Condition> c = new ArrayList<>();
        if (f.kabkotaCode() != null) {
            c.add(t.KABKOTA_CODE.eq(f.kabkotaCode()));
        }
        if (f.budgetYear() != null) {
            c.add(t.BUDGET_YEAR.eq(f.budgetYear().shortValue()));
        }
        if (f.state() != null) {
            c.add(t.STATE.eq(db(f.state())));
        }
        if (f.businessType() != null) {
            c.add(t.BUSINESS_TYPE.eq(GrantsProposalBusinessType.valueOf(f.businessType().name())));
        }
        return selectVisible(DSL.and(c)).orderBy(t.ID.desc()).limit(limit).fetch(ProposalRepository::toProposal);
    }

    /** Proposals within scope waiting in {@code state}, oldest first (by when they reached it). */
    List<Proposal> waiting(ProposalState state, InboxFilter f, LocalDateTime now, int limit) {
        var t = GRANTS_PROPOSAL;
        return selectVisible(waitingCondition(state, f, now)).orderBy(t.WAITING_SINCE, t.ID).limit(limit)
                .fetch(ProposalRepository::toProposal);
    }

    int countWaiting(ProposalState state) {
        return countVisible(waitingCondition(state, InboxFilter.ALL, null));
    }

    private static Condition waitingCondition(ProposalState state, InboxFilter f, LocalDateTime now) {
        var t = GRANTS_PROPOSAL;
        List<Condition> c = new ArrayList<>();
        c.add(t.STATE.eq(db(state)));
        if (f.kabkotaCode() != null) {
            c.add(t.KABKOTA_CODE.eq(f.kabkotaCode()));
        }
        if (f.businessType() != null) {
            c.add(t.BUSINESS_TYPE.eq(GrantsProposalBusinessType.valueOf(f.businessType().name())));
        }
        if (f.minTotal() != null) {
            c.add(t.TOTAL.ge(f.minTotal()));
        }
        if (f.maxTotal() != null) {
            c.add(t.TOTAL.le(f.maxTotal()));
        }
        if (f.minWaitingDays() != null && now != null) {
            c.add(t.WAITING_SINCE.le(now.minusDays(f.minWaitingDays())));
        }
        return DSL.and(c);
    }

    /**
     * The proposals of a district's year approved by the province or handed over, by name; empty
     * when the district is outside the user's scope (the attempt audited as a denial).
     */
    Optional<List<Proposal>> recipients(String kabkota, int year) {
        if (!visibility().includes(kabkota)) {
            scope.denied(GrantsEntity.GRANTS_PROPOSAL, null, kabkota);
            return Optional.empty();
        }
        var t = GRANTS_PROPOSAL;
        return Optional.of(selectVisible(t.KABKOTA_CODE.eq(kabkota).and(t.BUDGET_YEAR.eq((short) year))
                .and(t.STATE.in(db(ProposalState.PROVINCE_APPROVED), db(ProposalState.HANDED_OVER))))
                .orderBy(t.BENEFICIARY_NAME, t.ID).fetch(ProposalRepository::toProposal));
    }

    /** A person's proposals within scope, newest year first. */
    List<Proposal> ofPerson(long beneficiaryId) {
        var t = GRANTS_PROPOSAL;
        return selectVisible(t.BENEFICIARY_ID.eq(beneficiaryId)).orderBy(t.BUDGET_YEAR.desc(), t.ID.desc())
                .fetch(ProposalRepository::toProposal);
    }

    private static void fill(GrantsProposalRecord r, NewProposal n) {
        r.setBusinessType(GrantsProposalBusinessType.valueOf(n.businessType().name()));
        r.setBusinessPlan(n.businessPlan().trim());
        r.setLocation(n.location().trim());
    }

    static GrantsProposalState db(ProposalState s) {
        return GrantsProposalState.valueOf(s.name());
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static Proposal toProposal(GrantsProposalRecord r) {
        return new Proposal(r.getId(), r.getKabkotaCode(), r.getBudgetYear(), r.getBeneficiaryId(), r.getBeneficiaryName(),
                BusinessType.valueOf(r.getBusinessType().getLiteral()), r.getBusinessPlan(), r.getLocation(),
                ProposalState.valueOf(r.getState().getLiteral()), r.getTotal(), r.getLastReason(), r.getReturns(),
                instant(r.getWaitingSince()), r.getCreatedBy(), r.getSubmittedBy(), instant(r.getSubmittedAt()),
                r.getDistrictDecidedBy(), instant(r.getDistrictDecidedAt()), r.getProvinceDecidedBy(),
                instant(r.getProvinceDecidedAt()), r.getVersion());
    }
}
