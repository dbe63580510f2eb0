package id.berdaya.monitoring.visit;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.grants.handover.HandoverItem;
import id.berdaya.grants.handover.HandoverRecorded;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.ledger.LedgerService;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.registry.beneficiary.BeneficiaryPlace;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the follow-up of a handover in the handover's own transaction (a plain listener: if this
 * fails, the handover is rolled back): the case, a visit per offset of the proposal's budget year
 * ({@link ScheduleService#offsets}), each assigned to the field officer covering the person's
 * kecamatan (or none), and the asset ledger opened with the goods handed over.
 */
@Component
class Scheduling {

    private final CaseRepository cases;
    private final VisitRepository visits;
    private final ScheduleService schedule;
    private final LedgerService ledger;
    private final BeneficiaryService register;
    private final ProposalService proposals;
    private final AuditLog audit;

    Scheduling(CaseRepository cases, VisitRepository visits, ScheduleService schedule, LedgerService ledger,
               BeneficiaryService register, ProposalService proposals, AuditLog audit) {
        this.cases = cases;
        this.visits = visits;
        this.schedule = schedule;
        this.ledger = ledger;
        this.register = register;
        this.proposals = proposals;
        this.audit = audit;
    }

    @EventListener
    public void on(HandoverRecorded e) {
        BeneficiaryPlace person = register.place(e.beneficiaryId()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        int budgetYear = proposals.get(e.proposalId()).map(Proposal::budgetYear).orElse(e.handedOn().getYear());
        FollowUp draft = new FollowUp(0, e.handoverId(), e.proposalId(), e.beneficiaryId(), person.fullName(), e.kabkotaCode(),
                person.kecamatanCode(), e.handedOn(), budgetYear);
        long caseId = cases.insert(draft);
        Optional<Long> officer = schedule.officerFor(person.kecamatanCode());
        List<String> dues = new ArrayList<>();
        for (int offset : schedule.offsets(budgetYear)) {
            LocalDate due = e.handedOn().plusMonths(offset);
            visits.insert(caseId, e.kabkotaCode(), person.kecamatanCode(), offset, due, officer.orElse(null));
            dues.add(due.toString());
        }
        List<LedgerService.Opening> goods = new ArrayList<>();
        for (HandoverItem i : e.items()) {
            goods.add(new LedgerService.Opening(i.catalogueItemId(), i.name(), i.unit(), i.quantity()));
        }
        ledger.open(caseId, e.kabkotaCode(), e.handedOn(), goods);
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_SCHEDULED).entity(MonitoringEntity.MONITORING_CASE, caseId)
                .district(e.kabkotaCode()).after(Map.of("handover", e.handoverId(), "due", dues,
                        "officer", officer.map(String::valueOf).orElse(""))));
    }
}
