package id.berdaya.registry.beneficiary;

/** Where a person lives and how they stand in the register, for another module's work on them (no NIK, no category). */
public record BeneficiaryPlace(long id, String fullName, String kabkotaCode, String kecamatanCode, BeneficiaryStatus status) {
}
