package id.berdaya.training.certificate;

import java.time.LocalDate;

/**
 * What the public check of a certificate shows, and nothing more: valid or revoked, its number,
 * the holder's name, the public title, the dates and the issuing kabupaten/kota. Never a category,
 * a target group, a NIK or anything else from the register.
 */
public record CertificateCheck(boolean valid, String number, String holderName, String publicTitle,
                               LocalDate startDate, LocalDate endDate, String issuer) {
}
