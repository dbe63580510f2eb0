package id.berdaya.grants.handover;

/**
 * Published by {@link HandoverService#voidHandover} inside its transaction: what was built on the
 * record (monitoring's open visits) is withdrawn with it.
 */
public record HandoverVoided(long handoverId, long proposalId, String kabkotaCode) {
}
