package id.berdaya.monitoring;

/** Who may do what in monitoring: the method-security expressions of its services. */
public final class MonitoringRoles {

    /** Staff who read the visits of their scope (never PARTNER). */
    public static final String READERS =
            "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER')";
    /** The scorecards' counts (the scorecard service asks; partners get aggregates of their district). */
    public static final String FIGURE_READERS =
            "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER','PARTNER')";
    /** Record a visit: the field officer (a visit assigned to them or unassigned) or the district head. */
    public static final String VISITORS = "hasAnyRole('FIELD_OFFICER','DISTRICT_HEAD')";
    /** Move a visit's due date, with a reason: the assigned field officer or the district head. */
    public static final String PLANNERS = "hasAnyRole('FIELD_OFFICER','DISTRICT_HEAD')";
    /** Reassign visits and keep which field officer covers which kecamatan: the district head. */
    public static final String ASSIGNERS = "hasRole('DISTRICT_HEAD')";
    /** Set the visit offsets of a budget year: the province administrator. */
    public static final String SCHEDULE_ADMINS = "hasRole('PROVINCE_ADMIN')";
    /**
     * Read reintegration risk flags (specific personal data): the district head, provincial officers
     * and the field officer assigned to the person (the service checks the assignment).
     */
    public static final String FLAG_READERS = "hasAnyRole('DISTRICT_HEAD','PROVINCE_OFFICER','FIELD_OFFICER')";
    /** Close a risk flag with a note: the district head or a provincial officer. */
    public static final String FLAG_CLOSERS = "hasAnyRole('DISTRICT_HEAD','PROVINCE_OFFICER')";
    /** The Beranda's alerts: the district head, provincial roles. */
    public static final String ALERT_READERS = "hasAnyRole('DISTRICT_HEAD','PROVINCE_OFFICER','PROVINCE_ADMIN')";

    private MonitoringRoles() {
    }
}
