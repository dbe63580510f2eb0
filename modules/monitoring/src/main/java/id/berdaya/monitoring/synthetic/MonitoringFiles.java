package id.berdaya.monitoring.synthetic;

import id.berdaya.core.file.TsvFiles;

/** One chunk of synthetic monitoring rows as tab-separated files, one per {@link Table}; deleted on {@link #close()}. */
final class MonitoringFiles extends TsvFiles<MonitoringFiles.Table> {

    /** The tables a chunk fills, parents first, with the columns each line carries. */
    enum Table {
        CASE("monitoring_case", "id, handover_id, proposal_id, beneficiary_id, beneficiary_name, kabkota_code, kecamatan_code, "
                + "handed_on, budget_year"),
        VISIT("monitoring_visit", "id, case_id, kabkota_code, kecamatan_code, month_offset, due_on, done, visited_on, person_met, "
                + "not_met_reason, business, business_reason, turnover, profit, work_acceptance, family_acceptance, "
                + "community_acceptance, notes, recorded_by, recorded_at"),
        ASSET("monitoring_asset", "id, case_id, kabkota_code, catalogue_item_id, name, unit, kind, handed_quantity, balance"),
        MOVEMENT("monitoring_movement", "id, asset_id, case_id, visit_id, kabkota_code, kind, quantity, price, cause, balance_after, "
                + "moved_on, recorded_by, recorded_at"),
        FLAG("monitoring_flag", "id, case_id, visit_id, kabkota_code, kecamatan_code, kind, note, raised_on, raised_by");

        final String table;
        final String columns;

        Table(String table, String columns) {
            this.table = table;
            this.columns = columns;
        }
    }

    MonitoringFiles() {
        super("berdaya-monitoring", Table.class, t -> t.table);
    }
}
