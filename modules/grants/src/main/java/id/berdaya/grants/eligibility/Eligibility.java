package id.berdaya.grants.eligibility;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a person may receive a grant in a year: verified in the register and a completed
 * training, or the province's exemption for the training.
 *
 * @param fullName    the person's name as the register has it
 * @param kabkotaCode the person's kabupaten/kota
 * @param verified    verified in the register (verified, active in programme or graduated)
 * @param completedOn the last day of the newest completed training, if any
 * @param exemption   the province's exemption for the year, if any
 */
public record Eligibility(long beneficiaryId, String fullName, String kabkotaCode, boolean verified,
                          Optional<LocalDate> completedOn, Optional<Exemption> exemption) {

    public boolean trained() {
        return completedOn.isPresent();
    }

    public boolean eligible() {
        return verified && (trained() || exemption.isPresent());
    }
}
