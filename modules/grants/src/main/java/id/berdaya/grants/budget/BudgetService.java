package id.berdaya.grants.budget;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.GrantsRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ceilings (pagu) per kabupaten/kota and budget year and the maximum per person. Province
 * administrators set them, every change audited; a district sees its own ceiling. An approval
 * {@link #lock locks} its district's ceiling row for the rest of its transaction, so that the
 * approvals of one district and year are checked one after the other.
 */
@Service
@Transactional
public class BudgetService {

    /** The maximum per person of a year nobody set: Rp 5.000.000. */
    public static final long DEFAULT_PER_PERSON_MAX = 5_000_000L;

    private final CeilingRepository ceilings;
    private final BudgetYearRepository years;
    private final AuditLog audit;
    private final Clock clock;

    BudgetService(CeilingRepository ceilings, BudgetYearRepository years, AuditLog audit, Clock clock) {
        this.ceilings = ceilings;
        this.years = years;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets a district's ceiling for a year; {@code version} is null for a new one, else the version the user saw. */
    @PreAuthorize(GrantsRoles.BUDGET_ADMINS)
    public Ceiling setCeiling(String kabkotaCode, int budgetYear, long pagu, Integer version) {
        checkYear(budgetYear);
        if (pagu < 0) {
            throw new RuleViolation("pagu", "grants.budget.paguNegative");
        }
        Optional<Ceiling> before = ceilings.find(kabkotaCode, budgetYear);
        if (before.isPresent() != (version != null)) {
            throw RuleViolation.concurrentChange();
        }
        if (!ceilings.set(kabkotaCode, budgetYear, pagu, version, CurrentUser.require().getUsername(), now())) {
            throw RuleViolation.concurrentChange();
        }
        Ceiling after = ceilings.find(kabkotaCode, budgetYear).orElseThrow();
        audit.record(AuditEvent.of(GrantsAction.GRANTS_CEILING_SET).entity(GrantsEntity.GRANTS_CEILING, after.id())
                .district(kabkotaCode).before(before.map(c -> Map.of("pagu", c.pagu())).orElse(null))
                .after(Map.of("budgetYear", budgetYear, "pagu", pagu)));
        return after;
    }

    /** Whether the current user may set ceilings and the maximum per person (the screen shows its form from this). */
    @PreAuthorize(GrantsRoles.READERS)
    public boolean mayEdit() {
        return Guards.allows(GrantsRoles.BUDGET_ADMINS);
    }

    /** The ceilings of a year within the user's scope, by kabupaten/kota code. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<Ceiling> ceilings(int budgetYear) {
        return ceilings.ofYear(budgetYear);
    }

    /** A district's ceiling of a year, if set and visible. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Ceiling> ceiling(String kabkotaCode, int budgetYear) {
        return ceilings.find(kabkotaCode, budgetYear);
    }

    /** Sets the maximum per person of a year. */
    @PreAuthorize(GrantsRoles.BUDGET_ADMINS)
    public void setPerPersonMax(int budgetYear, long amount) {
        checkYear(budgetYear);
        if (amount <= 0) {
            throw new RuleViolation("perPersonMax", "grants.budget.maxPositive");
        }
        long before = perPersonMax(budgetYear);
        years.setPerPersonMax(budgetYear, amount, CurrentUser.require().getUsername(), now());
        audit.record(AuditEvent.of(GrantsAction.GRANTS_PER_PERSON_MAX_SET).entity(GrantsEntity.GRANTS_BUDGET_YEAR, budgetYear)
                .before(Map.of("perPersonMax", before)).after(Map.of("perPersonMax", amount)));
    }

    /** The maximum per person of a year (the default unless set). */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public long perPersonMax(int budgetYear) {
        return years.perPersonMax(budgetYear).orElse(DEFAULT_PER_PERSON_MAX);
    }

    /**
     * Locks the district's ceiling row of the year for the rest of the caller's transaction (which
     * it must join) and answers the budget; refused when no ceiling is set ("pagu belum ditetapkan").
     */
    @PreAuthorize(GrantsRoles.REVIEWERS)
    @Transactional(propagation = Propagation.MANDATORY)
    public BudgetLock lock(String kabkotaCode, int budgetYear) {
        CeilingRepository.Locked c = ceilings.lock(kabkotaCode, budgetYear)
                .orElseThrow(() -> new RuleViolation(null, "grants.budget.noCeiling", budgetYear));
        return new BudgetLock(kabkotaCode, budgetYear, c.pagu(), c.perPersonMax() == null ? DEFAULT_PER_PERSON_MAX : c.perPersonMax());
    }

    private static void checkYear(int year) {
        if (year < 2020 || year > 2100) {
            throw new RuleViolation("budgetYear", "grants.budgetYear.range");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
