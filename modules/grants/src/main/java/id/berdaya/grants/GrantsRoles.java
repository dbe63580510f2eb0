package id.berdaya.grants;

/** Who may do what in grants: the method-security expressions of its services. */
public final class GrantsRoles {

    /** Staff who read proposals, the catalogue and the ceilings (within their district scope); never PARTNER. */
    public static final String READERS =
            "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER')";
    /** Draft, change, submit and withdraw proposals: the district operator, in their own district. */
    public static final String DRAFTERS = "hasRole('DISTRICT_OPERATOR')";
    /** Decide a proposal at a review step: the district head (district step), a provincial officer or administrator (province step). */
    public static final String REVIEWERS = "hasAnyRole('DISTRICT_HEAD','PROVINCE_OFFICER','PROVINCE_ADMIN')";
    /** Record a handover (BAST) of a province-approved proposal: the district operator or field officer, in their own district. */
    public static final String HANDOVER_RECORDERS = "hasAnyRole('DISTRICT_OPERATOR','FIELD_OFFICER')";
    /** Void a handover record (BAST) with a reason: the district head, in their own district. */
    public static final String HANDOVER_VOIDERS = "hasRole('DISTRICT_HEAD')";
    /** Keep the catalogue, the ceilings, the per-person maximum and the exemptions. */
    public static final String BUDGET_ADMINS = "hasRole('PROVINCE_ADMIN')";

    private GrantsRoles() {
    }
}
