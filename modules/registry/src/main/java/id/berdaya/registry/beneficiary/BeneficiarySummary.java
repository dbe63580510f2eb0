package id.berdaya.registry.beneficiary;

import id.berdaya.registry.Sex;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the register list. The NIK is masked ({@code 3303 •••• •••• ••••}); the category is
 * null for roles that may not see it.
 */
public record BeneficiarySummary(long id, String maskedNik, String fullName, Sex sex, LocalDate birthDate,
                                 String kabkotaCode, String kecamatanCode, String desaCode, String category,
                                 BeneficiaryStatus status, List<String> reviewFlags) {
}
