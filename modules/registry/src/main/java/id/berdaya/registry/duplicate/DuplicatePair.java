package id.berdaya.registry.duplicate;

import id.berdaya.registry.beneficiary.BeneficiaryDetail;


/** An open possible duplicate: the newer record, the existing one it resembles, and why. */
public record DuplicatePair(long id, BeneficiaryDetail newer, BeneficiaryDetail existing, String reason, int version) {
}
