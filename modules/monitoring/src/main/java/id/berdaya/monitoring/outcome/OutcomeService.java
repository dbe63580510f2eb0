package id.berdaya.monitoring.outcome;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.MonitoringRoles;
import id.berdaya.monitoring.reintegration.ReintegrationService;
import id.berdaya.monitoring.tally.TallyService;
import id.berdaya.monitoring.visit.FollowUp;
import id.berdaya.registry.beneficiary.BeneficiaryPlace;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome at 12 months, decided when the 12-month visit meets the person: graduated if the
 * business runs (fully or partly) and no risk flag is open, else exited with the reason. The
 * register's status follows through {@link BeneficiaryService#concludeProgramme} (for a person
 * still in the programme), in the same transaction.
 */
@Service
@Transactional
public class OutcomeService {

    private final OutcomeRepository outcomes;
    private final ReintegrationService reintegration;
    private final BeneficiaryService register;
    private final TallyService tally;
    private final AuditLog audit;

    OutcomeService(OutcomeRepository outcomes, ReintegrationService reintegration, BeneficiaryService register, TallyService tally,
                   AuditLog audit) {
        this.outcomes = outcomes;
        this.reintegration = reintegration;
        this.register = register;
        this.tally = tally;
        this.audit = audit;
    }

    /** Decides the outcome of a follow-up from its 12-month visit (once; a second call changes nothing). */
    @PreAuthorize(MonitoringRoles.VISITORS)
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Outcome> decide(FollowUp f, boolean businessRuns, LocalDate on) {
        if (outcomes.exists(f.id())) {
            return Optional.empty();
        }
        boolean flagOpen = reintegration.openCount(f.id()) > 0;
        Outcome.Kind kind = businessRuns && !flagOpen ? Outcome.Kind.GRADUATED : Outcome.Kind.EXITED;
        Outcome.Reason reason = !businessRuns ? Outcome.Reason.BUSINESS_STOPPED
                : flagOpen ? Outcome.Reason.FLAG_OPEN : Outcome.Reason.BUSINESS_RUNNING;
        Outcome o = new Outcome(f.id(), f.beneficiaryId(), kind, reason, on, CurrentUser.require().getUsername());
        long id = outcomes.insert(o, f.kabkotaCode(), f.kecamatanCode());
        if (kind == Outcome.Kind.GRADUATED) {
            tally.add(f.kabkotaCode(), f.kecamatanCode(), Figure.GRADUATED, 1);
        }
        BeneficiaryStatus status = register.place(f.beneficiaryId()).map(BeneficiaryPlace::status).orElse(null);
        if (status == BeneficiaryStatus.ACTIVE || status == BeneficiaryStatus.VERIFIED) {
            register.concludeProgramme(f.beneficiaryId(),
                    kind == Outcome.Kind.GRADUATED ? BeneficiaryStatus.GRADUATED : BeneficiaryStatus.EXITED,
                    "Pemantauan 12 bulan: " + reasonText(reason));
        }
        audit.record(AuditEvent.of(MonitoringAction.MONITORING_OUTCOME_DECIDED).entity(MonitoringEntity.MONITORING_OUTCOME, id)
                .district(f.kabkotaCode()).after(Map.of("case", f.id(), "outcome", kind.name(), "reason", reason.name())));
        return Optional.of(o);
    }

    /** The outcomes of visible people (a person's detail page). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<Outcome> ofBeneficiaries(Collection<Long> beneficiaryIds) {
        return beneficiaryIds.isEmpty() ? List.of() : outcomes.ofBeneficiaries(beneficiaryIds);
    }

    /** Graduations decided from {@code from} to {@code to}, per kabupaten/kota (null) or per kecamatan of one, within scope. */
    @PreAuthorize(MonitoringRoles.FIGURE_READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<String, Integer> graduatedIn(String kabkotaCode, LocalDate from, LocalDate to) {
        return outcomes.graduatedIn(kabkotaCode, from, to);
    }

    /** The register's reason (kept in its audit trail, in the office's language). */
    private static String reasonText(Outcome.Reason r) {
        return switch (r) {
            case BUSINESS_RUNNING -> "usaha berjalan dan tidak ada tanda risiko terbuka (lulus)";
            case BUSINESS_STOPPED -> "usaha tidak berjalan (keluar)";
            case FLAG_OPEN -> "ada tanda risiko reintegrasi yang masih terbuka (keluar)";
        };
    }
}
