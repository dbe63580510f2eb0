package id.berdaya.registry.beneficiary;

/** Orders of the register list; each pages by seek on an index (no deep OFFSET). */
public enum ListOrder {
    /** newest registration first (id descending) */
    NEWEST,
    /** by normalised name, A to Z */
    NAME_ASC,
    /** by normalised name, Z to A */
    NAME_DESC
}
