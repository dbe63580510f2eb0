package id.berdaya.registry.beneficiary;

import id.berdaya.registry.Sex;
import id.berdaya.registry.nik.NameKey;


/**
 * The list's filter; every field is optional. {@code nik} matches exactly; {@code name} matches
 * the start of the name or of any word in it, ignoring case and accents. {@code categoryId} and
 * {@code referralSource} are refused for roles that may not see them (they tell a criminal record).
 */
public record BeneficiaryFilter(String nik, String name, String kabkotaCode, String kecamatanCode, String desaCode,
                                Integer categoryId, BeneficiaryStatus status, Sex sex, Integer minAge, Integer maxAge,
                                boolean flaggedOnly, String referralSource) {

    /** A filter without the referral source. */
    public BeneficiaryFilter(String nik, String name, String kabkotaCode, String kecamatanCode, String desaCode,
                             Integer categoryId, BeneficiaryStatus status, Sex sex, Integer minAge, Integer maxAge,
                             boolean flaggedOnly) {
        this(nik, name, kabkotaCode, kecamatanCode, desaCode, categoryId, status, sex, minAge, maxAge, flaggedOnly, null);
    }

    public static BeneficiaryFilter none() {
        return new BeneficiaryFilter(null, null, null, null, null, null, null, null, null, null, false, null);
    }

    public BeneficiaryFilter withName(String n) {
        return new BeneficiaryFilter(nik, n, kabkotaCode, kecamatanCode, desaCode, categoryId, status, sex, minAge, maxAge, flaggedOnly,
                referralSource);
    }

    public BeneficiaryFilter withKabkota(String k) {
        return new BeneficiaryFilter(nik, name, k, kecamatanCode, desaCode, categoryId, status, sex, minAge, maxAge, flaggedOnly,
                referralSource);
    }

    public BeneficiaryFilter withReferralSource(String r) {
        return new BeneficiaryFilter(nik, name, kabkotaCode, kecamatanCode, desaCode, categoryId, status, sex, minAge, maxAge, flaggedOnly, r);
    }

    /** Whether it filters on what only some roles may see (the category or the referral source). */
    boolean filtersOnSensitive() {
        return categoryId != null || (referralSource != null && !referralSource.isBlank());
    }

    /** The filter's text as an audit entry keeps it: a NIK searched for (or typed as a name) is masked. */
    String audited() {
        String text = nik == null ? toString() : toString().replace("[nik=" + nik + ",", "[nik=" + NameKey.maskNik(nik) + ",");
        return NameKey.maskNiksIn(text);
    }
}
