package id.berdaya.training.event;

/** The events list's filter; null parts do not filter. */
public record EventFilter(Integer budgetYear, String kabkotaCode, EventStatus status) {

    public static final EventFilter ALL = new EventFilter(null, null, null);
}
