package id.berdaya.training.certificate;

import java.time.Instant;
import java.time.LocalDate;

/** A certificate of completion as the event's screens show it; {@code revokedAt} is set once revoked. */
public record Certificate(long id, long participantId, long eventId, String kabkotaCode, String issuerName, String number,
                          String code, String holderName, String publicTitle, LocalDate startDate, LocalDate endDate,
                          String venue, String signatoryName, String signatoryPosition, Instant issuedAt,
                          Instant revokedAt, String revokeReason, int version) {

    public boolean valid() {
        return revokedAt == null;
    }
}
