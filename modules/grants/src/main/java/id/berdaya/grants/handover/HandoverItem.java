package id.berdaya.grants.handover;

/** A line of goods of a handover: the approved quantity, the quantity actually handed over, and why they differ (if they do). */
public record HandoverItem(long catalogueItemId, String name, String unit, int approvedQuantity, int quantity, String reason) {
}
