package id.berdaya.grants.eligibility;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsExemptionRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_EXEMPTION;

/** Eligibility exemptions, district-scoped (the person's district). */
@Repository
class ExemptionRepository extends DistrictScopedRepository<GrantsExemptionRecord> {

    ExemptionRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_EXEMPTION, GRANTS_EXEMPTION.KABKOTA_CODE, GRANTS_EXEMPTION.ID, GrantsEntity.GRANTS_EXEMPTION);
    }

    Optional<Exemption> find(long beneficiaryId, int year) {
        return selectVisible(GRANTS_EXEMPTION.BENEFICIARY_ID.eq(beneficiaryId).and(GRANTS_EXEMPTION.BUDGET_YEAR.eq((short) year)))
                .fetchOptional(ExemptionRepository::toExemption);
    }

    long insert(long beneficiaryId, String kabkota, int year, String reason, String by, LocalDateTime at) {
        GrantsExemptionRecord r = newRecord(kabkota);
        r.setBeneficiaryId(beneficiaryId);
        r.setBudgetYear((short) year);
        r.setReason(reason);
        r.setGrantedBy(by);
        r.setGrantedAt(at);
        r.store();
        return r.getId();
    }

    private static Exemption toExemption(GrantsExemptionRecord r) {
        return new Exemption(r.getId(), r.getBeneficiaryId(), r.getKabkotaCode(), r.getBudgetYear(), r.getReason(),
                r.getGrantedBy(), r.getGrantedAt().toInstant(ZoneOffset.UTC));
    }
}
