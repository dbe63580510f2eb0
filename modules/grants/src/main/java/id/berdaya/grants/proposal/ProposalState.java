package id.berdaya.grants.proposal;

import java.util.Set;

/**
 * Where a proposal stands: draft → submitted (district operator) → approved by the district
 * (its head) → approved by the province → handed over; at each review step it may instead be
 * returned for revision (back to draft) or rejected (final); withdrawn before the district decides.
 */
public enum ProposalState {
    DRAFT, SUBMITTED, DISTRICT_APPROVED, PROVINCE_APPROVED, HANDED_OVER, REJECTED, WITHDRAWN;

    /** The states whose totals count against the district's ceiling: approved and later. */
    public static final Set<ProposalState> COMMITTED = Set.of(DISTRICT_APPROVED, PROVINCE_APPROVED, HANDED_OVER);

    /** Whether a reviewer decides it now (the district step or the province step). */
    public boolean awaitsReview() {
        return this == SUBMITTED || this == DISTRICT_APPROVED;
    }
}
