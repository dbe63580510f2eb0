package id.berdaya.grants.handover;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A handover record, the Berita Acara Serah Terima (BAST) of one proposal: its number (e.g.
 * {@code 027/BAST-STIM/3303/2026}), date and place, the parties, the witness and the goods, the
 * optional position, its photos (its own or its group's), with a seal (SHA-256 over that content and
 * the photos' hashes, see {@link #content()}) and the code of its public check. {@code groupId} is set
 * when it was recorded in a group handover; {@code voided} when the district head voided it.
 */
public record Handover(long id, long proposalId, Long groupId, String kabkotaCode, String issuerName, String number, String code,
                       String seal, LocalDate handedOn, String place, String giverName, String giverPosition,
                       String giverOffice, String receiverName, String witnessName, String witnessPosition, Position position,
                       String recordedBy, Instant recordedAt, Voided voided, List<HandoverItem> items, List<HandoverPhoto> photos) {

    /** A position in decimal degrees (6 decimals), south and west negative. */
    public record Position(BigDecimal latitude, BigDecimal longitude) {
    }

    /** Who voided the record, when, and why. */
    public record Voided(Instant at, String by, String reason) {
    }

    /**
     * The sealed content: every printed field of the record, one per line, the goods in order, then
     * the position (if any) and each photo's SHA-256 with its capture time and position (ordered by
     * hash). A record without position and photos has the content it had before photos existed.
     */
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
        if (position != null) {
            b.append("position|").append(position.latitude().toPlainString()).append('|')
                    .append(position.longitude().toPlainString()).append('\n');
        }
        for (HandoverPhoto p : photos.stream().sorted(Comparator.comparing(HandoverPhoto::sha256)).toList()) {
            b.append("photo|").append(p.sha256()).append('|').append(p.takenAt() == null ? "" : p.takenAt().toString()).append('|')
                    .append(p.position() == null ? "" : p.position().latitude().toPlainString() + ","
                            + p.position().longitude().toPlainString()).append('\n');
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

    /** This record with its goods and photos. */
    Handover with(List<HandoverItem> goods, List<HandoverPhoto> pictures) {
        return new Handover(id, proposalId, groupId, kabkotaCode, issuerName, number, code, seal, handedOn, place, giverName,
                giverPosition, giverOffice, receiverName, witnessName, witnessPosition, position, recordedBy, recordedAt, voided,
                goods, pictures);
    }

    /** This record with its id and seal. */
    Handover sealed(long newId, String newSeal) {
        return new Handover(newId, proposalId, groupId, kabkotaCode, issuerName, number, code, newSeal, handedOn, place, giverName,
                giverPosition, giverOffice, receiverName, witnessName, witnessPosition, position, recordedBy, recordedAt, voided,
                items, photos);
    }
}
