package id.berdaya.grants.eligibility;

import java.time.Instant;

/** The province's exemption: this person may propose in this year without a completed training. */
public record Exemption(long id, long beneficiaryId, String kabkotaCode, int budgetYear, String reason, String grantedBy,
                        Instant grantedAt) {
}
