package id.berdaya.registry.beneficiary;

/**
 * Published in the registering transaction when a new record resembles an existing one (same
 * normalised name and birth date): the duplicate queue takes the pair for a provincial verifier.
 */
public record PossibleDuplicate(long beneficiaryId, long otherId, String kabkotaCode, String reason) {
}
