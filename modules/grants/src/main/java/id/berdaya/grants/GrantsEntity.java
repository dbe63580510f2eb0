package id.berdaya.grants;

import id.berdaya.core.audit.AuditEntity;

/** Entity types of the grants module's audit events. The stored code is the constant's name. */
public enum GrantsEntity implements AuditEntity {

    GRANTS_CATALOGUE_ITEM,
    GRANTS_CEILING,
    GRANTS_BUDGET_YEAR,
    GRANTS_EXEMPTION,
    GRANTS_PROPOSAL,
    GRANTS_PROPOSAL_ITEM,
    GRANTS_PROPOSAL_HISTORY,
    GRANTS_HANDOVER,
    GRANTS_HANDOVER_ITEM,
    GRANTS_HANDOVER_SCAN,
    GRANTS_HANDOVER_PHOTO,
    GRANTS_HANDOVER_GROUP;

    @Override
    public String code() {
        return name();
    }
}
