package id.berdaya.registry.beneficiary;

import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A beneficiary's record as the detail page shows it. {@code category}, {@code referralSource} and {@code sensitiveNotes}
 * are null for roles that may not see them; the NIK is masked until revealed with a reason.
 */
public record BeneficiaryDetail(long id, String maskedNik, String kkNumber, String fullName, String nickname, Sex sex,
                                String birthPlace, LocalDate birthDate, String kabkotaCode, String kecamatanCode,
                                String desaCode, String rt, String rw, String street, String phone,
                                String maritalStatus, String education, String occupation, String category,
                                String referralSource, LegalBasis legalBasis, BeneficiaryStatus status,
                                List<String> reviewFlags, String returnReason, String sensitiveNotes,
                                String createdBy, Instant createdAt, Long mergedInto, int version) {
}
