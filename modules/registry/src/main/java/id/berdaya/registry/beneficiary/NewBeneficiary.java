package id.berdaya.registry.beneficiary;

import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;

import java.time.LocalDate;

/** What a district operator enters to register a person. */
public record NewBeneficiary(String nik, String kkNumber, String fullName, String nickname, Sex sex,
                             String birthPlace, LocalDate birthDate, String kabkotaCode, String kecamatanCode,
                             String desaCode, String rt, String rw, String street, String phone,
                             String maritalStatus, String education, String occupation, Integer categoryId,
                             String referralSource, LegalBasis legalBasis, String sensitiveNotes) {
}
