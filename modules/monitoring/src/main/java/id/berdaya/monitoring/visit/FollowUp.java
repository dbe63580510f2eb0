package id.berdaya.monitoring.visit;

import java.time.LocalDate;

/** The follow-up of one handover: the person, where they live, when the goods were handed over. */
public record FollowUp(long id, long handoverId, long proposalId, long beneficiaryId, String beneficiaryName, String kabkotaCode,
                       String kecamatanCode, LocalDate handedOn, int budgetYear) {
}
