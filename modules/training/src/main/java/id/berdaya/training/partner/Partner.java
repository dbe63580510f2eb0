package id.berdaya.training.partner;

import java.time.LocalDate;

/** A partner agency (mitra) with its cooperation agreement; {@code mouFileName} is null until the signed PDF is stored. */
public record Partner(long id, String name, PartnerType type, String kabkotaCode, String contactName, String contactPhone,
                      String contactEmail, String mouNumber, LocalDate mouDate, LocalDate mouValidUntil,
                      String mouFileName, String mouSha256, boolean active, int version) {

    /** Whether the agreement is in force on {@code day}. */
    public boolean mouValidOn(LocalDate day) {
        return mouDate != null && !day.isBefore(mouDate) && (mouValidUntil == null || !day.isAfter(mouValidUntil));
    }
}
