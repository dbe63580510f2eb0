package id.berdaya.grants.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * A handover record, the Berita Acara Serah Terima (BAST) of one proposal: its number (e.g.
 * {@code 027/BAST-STIM/3303/2026}), date and place, the parties, the witness and the goods, with a
 * seal (SHA-256 over that content, see {@link #content()}) and the code of its public check.
 */
public record Handover(long id, long proposalId, String kabkotaCode, String issuerName, String number, String code,
                       String seal, LocalDate handedOn, String place, String giverName, String giverPosition,
                       String giverOffice, String receiverName, String witnessName, String witnessPosition,
                       String recordedBy, Instant recordedAt, List<HandoverItem> items) {

    /** The sealed content: every printed field of the record, one per line, the goods in order. */
    public String content() {
        StringBuilder b = new StringBuilder("BAST-STIM/1\n");
        for (String f : List.of(number, kabkotaCode, issuerName, handedOn.toString(), place, giverName, giverPosition,
                giverOffice, receiverName, witnessName, witnessPosition)) {
            b.append(f.replace('\n', ' ')).append('\n');
        }
        for (HandoverItem i : items) {
            b.append(i.catalogueItemId()).append('|').append(i.name()).append('|').append(i.unit()).append('|')
                    .append(i.approvedQuantity()).append('|').append(i.quantity()).append('|')
                    .append(i.reason() == null ? "" : i.reason().replace('\n', ' ')).append('\n');
        }
        return b.toString();
    }

    /** SHA-256 of {@link #content()}, in lower-case hex: what {@link #seal()} holds when the record is unchanged. */
    public String computeSeal() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seal as printed: its first 16 hex digits in groups of four, upper case (e.g. {@code 3F2A-…}). */
    public String shortSeal() {
        String s = seal.substring(0, 16).toUpperCase(java.util.Locale.ROOT);
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16);
    }
}
