package id.berdaya.core.security;

/** The roles of Berdaya. District-level roles are bound to exactly one kabupaten/kota. */
public enum Role {
    PROVINCE_ADMIN(false),
    PROVINCE_OFFICER(false),
    DISTRICT_HEAD(true),
    DISTRICT_OPERATOR(true),
    FIELD_OFFICER(true),
    PARTNER(true);

    private final boolean districtLevel;

    Role(boolean districtLevel) {
        this.districtLevel = districtLevel;
    }

    public boolean isDistrictLevel() {
        return districtLevel;
    }

    /** The Spring Security authority, e.g. {@code ROLE_PROVINCE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
