package id.berdaya.monitoring.visit;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.MonitoringCaseRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.MONITORING_CASE;

/** The follow-ups (one per handover), district-scoped. */
@Repository
class CaseRepository extends DistrictScopedRepository<MonitoringCaseRecord> {

    CaseRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_CASE, MONITORING_CASE.KABKOTA_CODE, MONITORING_CASE.ID, MonitoringEntity.MONITORING_CASE);
    }

    long insert(FollowUp f) {
        MonitoringCaseRecord r = newRecord(f.kabkotaCode());
        r.setHandoverId(f.handoverId());
        r.setProposalId(f.proposalId());
        r.setBeneficiaryId(f.beneficiaryId());
        r.setBeneficiaryName(f.beneficiaryName());
        r.setKecamatanCode(f.kecamatanCode());
        r.setHandedOn(f.handedOn());
        r.setBudgetYear((short) f.budgetYear());
        r.store();
        return r.getId();
    }

    Optional<FollowUp> find(long id) {
        return findVisible(id).map(CaseRepository::toFollowUp);
    }

    /** The visible follow-ups of these people (a person may have had more than one handover). */
    List<FollowUp> ofBeneficiaries(Collection<Long> beneficiaryIds) {
        var t = MONITORING_CASE;
        return selectVisible(t.BENEFICIARY_ID.in(beneficiaryIds)).orderBy(t.HANDED_ON, t.ID).fetch(CaseRepository::toFollowUp);
    }

    List<FollowUp> byIds(Collection<Long> ids) {
        var t = MONITORING_CASE;
        return selectVisible(t.ID.in(ids)).fetch(CaseRepository::toFollowUp);
    }

    /** The visible follow-up of a handover, its row locked until the transaction ends. */
    Optional<FollowUp> lockOfHandover(long handoverId) {
        var t = MONITORING_CASE;
        return selectVisible(t.HANDOVER_ID.eq(handoverId)).forUpdate().fetchOptional(CaseRepository::toFollowUp);
    }

    void delete(FollowUp f) {
        var t = MONITORING_CASE;
        writing(f.kabkotaCode()).deleteFrom(t).where(t.ID.eq(f.id())).execute();
    }

    private static FollowUp toFollowUp(MonitoringCaseRecord r) {
        return new FollowUp(r.getId(), r.getHandoverId(), r.getProposalId(), r.getBeneficiaryId(), r.getBeneficiaryName(),
                r.getKabkotaCode(), r.getKecamatanCode(), r.getHandedOn(), r.getBudgetYear());
    }
}
