package id.berdaya.grants.eligibility;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.GrantsRoles;
import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.training.history.TrainingService;
import id.berdaya.training.attendance.CompletedTraining;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may receive a grant: a person verified in the register (through its public
 * {@link BeneficiaryService}) who completed a training (asked through training's
 * {@link TrainingService#completedTrainings}), or whom the province exempted from the training
 * for the year, with a reason, audited.
 */
@Service
@Transactional
public class EligibilityService {

    /** Register statuses that count as verified: verified, active in programme, graduated. */
    static final Set<BeneficiaryStatus> VERIFIED = Set.of(BeneficiaryStatus.VERIFIED, BeneficiaryStatus.ACTIVE,
            BeneficiaryStatus.GRADUATED);

    private final BeneficiaryService register;
    private final TrainingService training;
    private final ExemptionRepository exemptions;
    private final AuditLog audit;
    private final Clock clock;

    EligibilityService(BeneficiaryService register, TrainingService training, ExemptionRepository exemptions, AuditLog audit,
                       Clock clock) {
        this.register = register;
        this.training = training;
        this.exemptions = exemptions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A visible person's eligibility in a year; another district's person is "not found". */
    @PreAuthorize(GrantsRoles.READERS)
    public Eligibility of(long beneficiaryId, int budgetYear) {
        BeneficiaryDetail d = register.get(beneficiaryId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        Optional<java.time.LocalDate> completed = training.completedTrainings(beneficiaryId).stream()
                .map(CompletedTraining::completedOn).max(Comparator.naturalOrder());
        return new Eligibility(beneficiaryId, d.fullName(), d.kabkotaCode(), VERIFIED.contains(d.status()), completed,
                exemptions.find(beneficiaryId, budgetYear));
    }

    /** The same, refused with the reason unless the person is eligible. */
    @PreAuthorize(GrantsRoles.READERS)
    public Eligibility require(long beneficiaryId, int budgetYear) {
        Eligibility e = of(beneficiaryId, budgetYear);
        if (!e.verified()) {
            throw new RuleViolation("beneficiaryId", "grants.eligibility.notVerified", e.fullName());
        }
        if (!e.eligible()) {
            throw new RuleViolation("beneficiaryId", "grants.eligibility.notTrained", e.fullName());
        }
        return e;
    }

    /** Records the province's exemption from the training for a year, with a reason; audited. */
    @PreAuthorize(GrantsRoles.BUDGET_ADMINS)
    public Exemption exempt(long beneficiaryId, int budgetYear, String reason) {
        if (reason == null || reason.trim().length() < 10) {
            throw new RuleViolation("reason", "grants.exemption.reasonRequired");
        }
        String kabkota = register.districtOf(beneficiaryId);
        if (exemptions.find(beneficiaryId, budgetYear).isPresent()) {
            throw new RuleViolation(null, "grants.exemption.exists");
        }
        long id = exemptions.insert(beneficiaryId, kabkota, budgetYear, reason.trim(), CurrentUser.require().getUsername(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.record(AuditEvent.of(GrantsAction.GRANTS_EXEMPTION_GRANTED).entity(GrantsEntity.GRANTS_EXEMPTION, id)
                .district(kabkota).after(Map.of("beneficiaryId", beneficiaryId, "budgetYear", budgetYear, "reason", reason.trim())));
        return exemptions.find(beneficiaryId, budgetYear).orElseThrow();
    }
}
