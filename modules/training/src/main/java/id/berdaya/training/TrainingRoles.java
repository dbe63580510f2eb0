package id.berdaya.training;

/** Who may do what in training: the method-security expressions of its services. */
public final class TrainingRoles {

    /** Everyone who reads training events (PARTNER only its agency's, through the services). */
    public static final String READERS =
            "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER','PARTNER')";
    /** Create and change events and sessions, enrol, withdraw, record scores. */
    public static final String EDITORS = "hasAnyRole('PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR')";
    /** Mark attendance (PARTNER only for its agency's sessions). */
    public static final String ATTENDANCE = "hasAnyRole('PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER','PARTNER')";
    /** Close an event (a district head in their own district, or a provincial officer). */
    public static final String CLOSERS = "hasAnyRole('DISTRICT_HEAD','PROVINCE_OFFICER')";
    /** Reopen a closed event, revoke a certificate: provincial acts. */
    public static final String PROVINCIAL = "hasRole('PROVINCE_OFFICER')";
    /** Manage partner agencies and their users. */
    public static final String PARTNER_ADMINS = "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER')";
    /** Staff who read the partner list (not PARTNER). */
    public static final String STAFF = "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER')";

    private TrainingRoles() {
    }
}
