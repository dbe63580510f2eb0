package id.berdaya.grants.proposal;

/** The filter of the proposal list; null fields do not filter. */
public record ProposalFilter(String kabkotaCode, Integer budgetYear, ProposalState state, BusinessType businessType) {

    public static final ProposalFilter ALL = new ProposalFilter(null, null, null, null);
}
