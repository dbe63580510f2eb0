package id.berdaya.grants.proposal;

/**
 * The approval inbox's filter; null fields do not filter. Amounts in rupiah; {@code minWaitingDays}
 * keeps proposals that have waited at least that many days at their step.
 */
public record InboxFilter(String kabkotaCode, BusinessType businessType, Long minTotal, Long maxTotal, Integer minWaitingDays) {

    public static final InboxFilter ALL = new InboxFilter(null, null, null, null, null);
}
