package id.berdaya.monitoring.outcome;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.MonitoringOutcomeOutcome;
import id.berdaya.db.tables.records.MonitoringOutcomeRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.MONITORING_OUTCOME;

/** Outcomes at 12 months, district-scoped. */
@Repository
class OutcomeRepository extends DistrictScopedRepository<MonitoringOutcomeRecord> {

    OutcomeRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_OUTCOME, MONITORING_OUTCOME.KABKOTA_CODE, MONITORING_OUTCOME.ID,
                MonitoringEntity.MONITORING_OUTCOME);
    }

    boolean exists(long caseId) {
        return countVisible(MONITORING_OUTCOME.CASE_ID.eq(caseId)) > 0;
    }

    long insert(Outcome o, String kabkota, String kecamatan) {
        MonitoringOutcomeRecord r = newRecord(kabkota);
        r.setCaseId(o.caseId());
        r.setBeneficiaryId(o.beneficiaryId());
        r.setKecamatanCode(kecamatan);
        r.setOutcome(MonitoringOutcomeOutcome.valueOf(o.kind().name()));
        r.setReason(o.reason().name());
        r.setDecidedOn(o.decidedOn());
        r.setDecidedBy(o.decidedBy());
        r.store();
        return r.getId();
    }

    List<Outcome> ofBeneficiaries(Collection<Long> ids) {
        var t = MONITORING_OUTCOME;
        return selectVisible(t.BENEFICIARY_ID.in(ids)).orderBy(t.DECIDED_ON).fetch(r -> new Outcome(r.getCaseId(),
                r.getBeneficiaryId(), Outcome.Kind.valueOf(r.getOutcome().getLiteral()), Outcome.Reason.valueOf(r.getReason()),
                r.getDecidedOn(), r.getDecidedBy()));
    }

    /** Graduations decided in [from, to], per kabupaten/kota (null) or per kecamatan of one. */
    Map<String, Integer> graduatedIn(String kabkota, LocalDate from, LocalDate to) {
        var t = MONITORING_OUTCOME;
        Field<String> key = kabkota == null ? t.KABKOTA_CODE : t.KECAMATAN_CODE;
        Condition c = t.DECIDED_ON.between(from, to).and(t.OUTCOME.eq(MonitoringOutcomeOutcome.GRADUATED));
        if (kabkota != null) {
            c = c.and(t.KABKOTA_CODE.eq(kabkota));
        }
        Field<Integer> n = DSL.count();
        return selectVisible(List.of(key, n), c).groupBy(key).fetchMap(key, n);
    }
}
