package id.berdaya.grants.approval;

import id.berdaya.grants.eligibility.Eligibility;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalAction;
import id.berdaya.grants.proposal.ProposalItem;
import id.berdaya.registry.beneficiary.BeneficiaryDetail;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the inbox's side panel shows of one proposal: the person as the register shows them
 * to this role (NIK masked, category only for roles that may see it), the eligibility (training
 * result or exemption), the items, the history (returns included), the person's other proposals,
 * what is left of the district's pagu, and what the user may do.
 */
public record ProposalReview(Proposal proposal, BeneficiaryDetail person, Eligibility eligibility, List<ProposalItem> items,
                             List<HistoryEntry> history, List<Proposal> otherProposals, Optional<Long> remainingPagu,
                             Set<ProposalAction> actions) {
}
