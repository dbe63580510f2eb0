package id.berdaya.grants.proposal;

import java.time.Instant;

/** One transition of a proposal: from which state (null at creation) to which, who, when and why. */
public record HistoryEntry(ProposalState from, ProposalState to, String actor, String actorName, Instant at, String reason) {
}
