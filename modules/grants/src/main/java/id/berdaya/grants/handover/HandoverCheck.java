package id.berdaya.grants.handover;

import java.time.LocalDate;

/**
 * What the public check of a handover record shows, and nothing more: valid, its number, its
 * date and the kabupaten/kota. Never the person, a category, a NIK or the goods.
 */
public record HandoverCheck(boolean valid, String number, LocalDate handedOn, String issuer) {
}
