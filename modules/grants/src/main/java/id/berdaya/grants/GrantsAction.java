package id.berdaya.grants;

import id.berdaya.core.audit.AuditAction;

/** Audited actions of the grants module. The stored code is the constant's name. */
public enum GrantsAction implements AuditAction {

    GRANTS_CATALOGUE_ITEM_CREATED,
    GRANTS_CATALOGUE_ITEM_UPDATED,
    GRANTS_CEILING_SET,
    GRANTS_PER_PERSON_MAX_SET,
    GRANTS_EXEMPTION_GRANTED,
    GRANTS_PROPOSAL_CREATED,
    GRANTS_PROPOSAL_UPDATED,
    GRANTS_PROPOSAL_SUBMITTED,
    GRANTS_PROPOSAL_WITHDRAWN,
    GRANTS_PROPOSAL_APPROVED_DISTRICT,
    GRANTS_PROPOSAL_APPROVED_PROVINCE,
    GRANTS_PROPOSAL_RETURNED,
    GRANTS_PROPOSAL_REJECTED,
    GRANTS_PROPOSALS_EXPORTED,
    GRANTS_PROPOSAL_HANDED_OVER,
    GRANTS_HANDOVER_RECORDED,
    GRANTS_HANDOVER_PRINTED;

    @Override
    public String code() {
        return name();
    }
}
