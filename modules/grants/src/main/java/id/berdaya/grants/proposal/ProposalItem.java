package id.berdaya.grants.proposal;

import id.berdaya.grants.catalogue.Unit;

/** An item of a proposal with its price (rupiah; frozen from the district's approval on) and subtotal. */
public record ProposalItem(long catalogueItemId, String name, Unit unit, int quantity, long unitPrice) {

    public long subtotal() {
        return unitPrice * quantity;
    }
}
