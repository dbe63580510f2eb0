package id.berdaya.grants.decree;

import java.util.List;

/** The attachment to the decree of one kabupaten/kota and budget year: its recipients and their total (rupiah). */
public record DecreeAttachment(String kabkotaCode, String kabkotaName, int budgetYear, List<DecreeRecipient> recipients) {

    public DecreeAttachment {
        recipients = List.copyOf(recipients);
    }

    public long total() {
        return recipients.stream().mapToLong(DecreeRecipient::value).sum();
    }
}
