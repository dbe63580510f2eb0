package id.berdaya.grants.proposal;

/** What the current user may do with a proposal now (by role, district, state and four-eyes): the screens show buttons from it. */
public enum ProposalAction {
    EDIT, SUBMIT, WITHDRAW, APPROVE, RETURN, REJECT, HAND_OVER
}
