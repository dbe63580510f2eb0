package id.berdaya.grants.handover;

import java.time.LocalDate;

/**
 * What the public check of a handover record shows, and nothing more: genuine and in force
 * ({@code valid}) or voided, its number, its date and the kabupaten/kota. Never the person, a
 * category, a NIK, the goods or the photos.
 */
public record HandoverCheck(boolean valid, boolean voided, String number, LocalDate handedOn, String issuer) {
}
