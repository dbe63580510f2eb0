package id.berdaya.training.partner;

import java.time.LocalDate;

/**
 * A partner agency as the form enters it.
 *
 * @param kabkotaCode its reach: one kabupaten/kota, or null for province-wide
 */
public record NewPartner(String name, PartnerType type, String kabkotaCode, String contactName, String contactPhone,
                         String contactEmail, String mouNumber, LocalDate mouDate, LocalDate mouValidUntil) {
}
