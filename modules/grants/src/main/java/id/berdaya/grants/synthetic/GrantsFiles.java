package id.berdaya.grants.synthetic;

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

/**
 * One chunk of synthetic grants data as tab-separated files, one per {@link Table} (its columns
 * in {@link Table#columns}), with their row counts; deleted on {@link #close()}.
 */
final class GrantsFiles implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

    private final Path dir;
    private final Map<Table, Path> files = new EnumMap<>(Table.class);
    private final Map<Table, Writer> writers = new EnumMap<>(Table.class);
    private final Map<Table, Integer> counts = new EnumMap<>(Table.class);

    GrantsFiles() {
        try {
            dir = Files.createTempDirectory("berdaya-grants");
            for (Table t : Table.values()) {
                files.put(t, dir.resolve(t.table + ".tsv"));
                writers.put(t, Files.newBufferedWriter(files.get(t), StandardCharsets.UTF_8));
                counts.put(t, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of tab-separated values; null as {@code \N}. The values hold no tabs, newlines or backslashes. */
    void write(Table t, Object... values) {
        StringBuilder s = new StringBuilder(200);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append('\t');
            }
            Object v = values[i];
            s.append(v == null ? "\\N" : v instanceof LocalDateTime time ? TIMESTAMP.format(time) : v.toString());
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
