package id.berdaya.registry.beneficiary;

import id.berdaya.registry.Sex;
import id.berdaya.registry.nik.NameKey;


/**
 * The list's filter; every field is optional. {@code nik} matches exactly; {@code name} matches
 * the start of the name or of any word in it, ignoring case and accents.
 */
public record BeneficiaryFilter(String nik, String name, String kabkotaCode, String kecamatanCode, String desaCode,
                                Integer categoryId, BeneficiaryStatus status, Sex sex, Integer minAge, Integer maxAge,
                                boolean flaggedOnly) {

    public static BeneficiaryFilter none() {
        return new BeneficiaryFilter(null, null, null, null, null, null, null, null, null, null, false);
    }

    public BeneficiaryFilter withName(String n) {
        return new BeneficiaryFilter(nik, n, kabkotaCode, kecamatanCode, desaCode, categoryId, status, sex, minAge, maxAge, flaggedOnly);
    }

    public BeneficiaryFilter withKabkota(String k) {
        return new BeneficiaryFilter(nik, name, k, kecamatanCode, desaCode, categoryId, status, sex, minAge, maxAge, flaggedOnly);
    }

    /** The filter's text as an audit entry keeps it: a NIK searched for (or typed as a name) is masked. */
    String audited() {
        String text = nik == null ? toString() : toString().replace("[nik=" + nik + ",", "[nik=" + NameKey.maskNik(nik) + ",");
        return NameKey.maskNiksIn(text);
    }
}
