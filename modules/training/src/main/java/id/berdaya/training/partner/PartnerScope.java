package id.berdaya.training.partner;

/**
 * Whom the current user acts for in training: staff (every event of their scope), or a PARTNER
 * user acting for one agency ({@code partnerId}; -1 for an account linked to none).
 */
public record PartnerScope(boolean partner, long partnerId) {

    public static final PartnerScope STAFF = new PartnerScope(false, 0);
}
