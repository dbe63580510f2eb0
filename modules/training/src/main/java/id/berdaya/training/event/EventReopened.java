package id.berdaya.training.event;

/** Published in the reopening transaction: results are cleared until the event is closed again. */
public record EventReopened(long eventId, String kabkotaCode, String reason) {
}
