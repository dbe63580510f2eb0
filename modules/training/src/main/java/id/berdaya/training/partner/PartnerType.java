package id.berdaya.training.partner;

/** What kind of agency a partner is. */
public enum PartnerType {
    POLICE, RELIGIOUS_AFFAIRS, HEALTH, RELIGIOUS_LEADER, VILLAGE_EMPOWERMENT, DISTRICT_SOCIAL_SERVICES, NGO, OTHER
}
