package id.berdaya.grants.synthetic;

import id.berdaya.core.file.TsvFiles;

/**
 * One chunk of synthetic grants data as tab-separated files, one per {@link Table} (its columns
 * in {@link Table#columns}), with their row counts; deleted on {@link #close()}.
 */
final class GrantsFiles extends TsvFiles<GrantsFiles.Table> {

    /** The tables a chunk fills, parents first, with the columns each line carries. */
    enum Table {
        PROPOSAL("grants_proposal", "id, kabkota_code, budget_year, beneficiary_id, beneficiary_name, business_type, business_plan, "
                + "location, state, total, last_reason, returns, waiting_since, created_by, created_at, submitted_by, submitted_at, "
                + "district_decided_by, district_decided_at, province_decided_by, province_decided_at, handed_over_at, updated_at"),
        ITEM("grants_proposal_item", "id, proposal_id, kabkota_code, catalogue_item_id, quantity, unit_price"),
        HISTORY("grants_proposal_history", "id, proposal_id, kabkota_code, from_state, to_state, actor, actor_name, at, reason"),
        HANDOVER("grants_handover", "id, proposal_id, kabkota_code, year, seq, number, code, seal, handed_on, place, giver_name, "
                + "giver_position, giver_office, receiver_name, witness_name, witness_position, issuer_name, recorded_by, recorded_at"),
        HANDOVER_ITEM("grants_handover_item", "id, handover_id, kabkota_code, catalogue_item_id, name, unit, approved_quantity, "
                + "quantity, reason");

        final String table;
        final String columns;

        Table(String table, String columns) {
            this.table = table;
            this.columns = columns;
        }
    }

    GrantsFiles() {
        super("berdaya-grants", Table.class, t -> t.table);
    }
}
