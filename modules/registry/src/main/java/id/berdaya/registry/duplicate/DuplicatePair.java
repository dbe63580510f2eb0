package id.berdaya.registry.duplicate;

import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.nik.NikComparison;


/**
 * An open possible duplicate: the newer record, the existing one it resembles, and why; with
 * which parts of their NIKs agree (both NIKs are masked in the records).
 */
public record DuplicatePair(long id, BeneficiaryDetail newer, BeneficiaryDetail existing, String reason, NikComparison niks, int version) {

    /** Both full NIKs of a pair, revealed for one reason. */
    public record Revealed(String newerNik, String existingNik) {
    }
}
