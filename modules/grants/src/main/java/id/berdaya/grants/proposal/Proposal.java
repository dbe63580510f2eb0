package id.berdaya.grants.proposal;

import java.time.Instant;

/**
 * A proposal (usulan) of one person for one budget year; {@code total} in whole rupiah.
 * {@code waitingSince} is when it entered its current review step (null unless it awaits one).
 */
public record Proposal(long id, String kabkotaCode, int budgetYear, long beneficiaryId, String beneficiaryName,
                       BusinessType businessType, String businessPlan, String location, ProposalState state, long total,
                       String lastReason, int returns, Instant waitingSince, String createdBy, String submittedBy,
                       Instant submittedAt, String districtDecidedBy, Instant districtDecidedAt, String provinceDecidedBy,
                       Instant provinceDecidedAt, int version) {
}
