package id.berdaya.grants.approval;

import id.berdaya.core.RuleViolation;
import id.berdaya.grants.GrantsRoles;
import id.berdaya.grants.eligibility.EligibilityService;
import id.berdaya.grants.proposal.InboxFilter;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * The approval inbox (/persetujuan): for a district head the proposals of their district waiting
 * for the district step, for a provincial officer or administrator those waiting for the province
 * step, oldest first; one proposal's review with all the panel shows; and bulk approval, each
 * proposal checked, decided and audited on its own ({@link ProposalService#approve}).
 */
@Service
@Transactional
public class ApprovalService {

    /** The most proposals the inbox shows at once. */
    public static final int INBOX_LIMIT = 500;

    private final ProposalService proposals;
    private final EligibilityService eligibility;
    private final BeneficiaryService register;

    ApprovalService(ProposalService proposals, EligibilityService eligibility, BeneficiaryService register) {
        this.proposals = proposals;
        this.eligibility = eligibility;
        this.register = register;
    }

    /** The proposals waiting at the user's step, oldest first. */
    @PreAuthorize(GrantsRoles.REVIEWERS)
    @Transactional(readOnly = true)
    public List<Proposal> inbox(InboxFilter filter) {
        return proposals.waiting(filter, INBOX_LIMIT);
    }

    /** How many proposals wait at the user's step (the menu's count). */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public int waitingCount() {
        return proposals.waitingCount();
    }

    /** A visible proposal with everything its review shows; the person's record is read as a (audited) view. */
    @PreAuthorize(GrantsRoles.REVIEWERS)
    public ProposalReview review(long id) {
        Proposal p = proposals.get(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        return new ProposalReview(p, register.get(p.beneficiaryId()).orElseThrow(() -> new RuleViolation(null, "error.notFound")),
                eligibility.of(p.beneficiaryId(), p.budgetYear()), proposals.items(id), proposals.history(id),
                proposals.ofPerson(p.beneficiaryId()).stream().filter(o -> o.id() != id).toList(),
                proposals.remainingPagu(p.kabkotaCode(), p.budgetYear()), proposals.allowedActions(p));
    }

    /**
     * Approves each proposal at the version the reviewer saw, in the given order, each in a
     * transaction of its own (so that one refusal keeps the others): the outcome per proposal says
     * which were approved and why the others were not (e.g. the pagu exceeded at the 17th).
     */
    @PreAuthorize(GrantsRoles.REVIEWERS)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<BulkOutcome> approveAll(List<Proposal> seen) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        int position = 0;
        for (Proposal p : seen) {
            position++;
            try {
                proposals.approve(p.id(), p.version());
                outcomes.add(new BulkOutcome(position, p.id(), p.beneficiaryName(), true, null, List.of()));
            } catch (RuleViolation v) {
                RuleViolation.Problem first = v.problems().getFirst();
                outcomes.add(new BulkOutcome(position, p.id(), p.beneficiaryName(), false, first.key(), first.args()));
            } catch (AccessDeniedException denied) {
                outcomes.add(new BulkOutcome(position, p.id(), p.beneficiaryName(), false, "error.notFound", List.of()));
            }
        }
        return outcomes;
    }
}
