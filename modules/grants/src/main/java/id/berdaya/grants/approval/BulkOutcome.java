package id.berdaya.grants.approval;

import java.util.List;

/**
 * What a bulk approval did with one proposal: its position in the batch (1-based), approved or
 * not, and if not the refusal's message key and arguments.
 */
public record BulkOutcome(int position, long proposalId, String beneficiaryName, boolean approved, String key, List<Object> args) {
}
