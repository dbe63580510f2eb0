package id.berdaya.monitoring.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/** One chunk of synthetic monitoring rows as tab-separated files, one per {@link Table}; deleted on {@link #close()}. */
final class MonitoringFiles implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

    private final Path dir;
    private final Map<Table, Path> files = new EnumMap<>(Table.class);
    private final Map<Table, Writer> writers = new EnumMap<>(Table.class);
    private final Map<Table, Integer> counts = new EnumMap<>(Table.class);

    MonitoringFiles() {
        try {
            dir = Files.createTempDirectory("berdaya-monitoring");
            for (Table t : Table.values()) {
                files.put(t, dir.resolve(t.table + ".tsv"));
                writers.put(t, Files.newBufferedWriter(files.get(t), StandardCharsets.UTF_8));
                counts.put(t, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line; null as {@code \N}, booleans as 1/0. The values hold no tabs, newlines or backslashes. */
    void write(Table t, Object... values) {
        StringBuilder s = new StringBuilder(160);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            s.append(i > 0 ? "\t" : "").append(v == null ? "\\N" : v instanceof LocalDateTime time ? TIMESTAMP.format(time)
                    : v instanceof Boolean b ? (b ? "1" : "0") : v.toString());
        }
        try {
            writers.get(t).write(s.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts.merge(t, 1, Integer::sum);
    }

    /** Flushes and closes the files, ready to load. */
    void finish() {
        try {
            for (Writer w : writers.values()) {
                w.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(Table t) {
        return files.get(t);
    }

    int count(Table t) {
        return counts.get(t);
    }

    @Override
    public void close() {
        finish();
        try {
            for (Path f : files.values()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
