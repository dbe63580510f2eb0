package id.berdaya.grants.handover;

import java.time.LocalDate;
import java.util.List;

/**
 * Published by {@link HandoverService#record} inside its transaction, after the proposal moved to
 * handed over: a listener (monitoring's visit schedule) that throws rolls the handover back, so a
 * handover never exists without what is built on it.
 */
public record HandoverRecorded(long handoverId, long proposalId, long beneficiaryId, String kabkotaCode,
                               LocalDate handedOn, List<HandoverItem> items) {
}
