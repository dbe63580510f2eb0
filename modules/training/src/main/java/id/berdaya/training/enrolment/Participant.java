package id.berdaya.training.enrolment;

/**
 * A participant of an event: the register's id and the name, nothing else of the register (no NIK,
 * category, address, phone or case history). For a PARTNER user {@code beneficiaryId} is null, so
 * that an agency holds no way into the register.
 */
public record Participant(long id, long eventId, Long beneficiaryId, String fullName, ParticipantStatus status,
                          String withdrawReason, int version) {
}
