package id.berdaya.registry.beneficiary;

import id.berdaya.core.RuleViolation.Problem;

import java.util.List;

/** A registered beneficiary, with the NIK warnings stored as review flags and any possible duplicates queued. */
public record Registration(long id, List<Problem> warnings, int possibleDuplicates) {
}
