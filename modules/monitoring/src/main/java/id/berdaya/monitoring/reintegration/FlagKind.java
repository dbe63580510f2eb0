package id.berdaya.monitoring.reintegration;

/** A reintegration risk: back to the former activity, reoffending, substance use, or another. */
public enum FlagKind {
    FORMER_ACTIVITY, REOFFENDING, SUBSTANCE_USE, OTHER
}
