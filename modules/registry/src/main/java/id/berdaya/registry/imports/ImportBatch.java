package id.berdaya.registry.imports;

import java.time.Instant;

/**
 * One import: who, when, which file (name, SHA-256, format, size), the counts, the status and
 * the progress of a running commit.
 *
 * @param previousImport when the same file (same hash) was imported before and completed: that batch's id
 */
public record ImportBatch(long id, String kabkotaCode, String fileName, String sha256, String format, long bytes,
                          Status status, ImportCounts counts, int progressRows, String message, String createdBy,
                          Instant createdAt, Instant startedAt, Instant finishedAt, int version, Long previousImport) {

    public enum Status { PREVIEWED, RUNNING, DONE, FAILED, INTERRUPTED, DISCARDED }

    /** The share of the importable rows processed so far (0 to 1). */
    public double progress() {
        if (status == Status.DONE) {
            return 1;
        }
        int of = counts.importable() + counts.skipped() + counts.errors();
        return of == 0 ? 0 : Math.min(1.0, (double) progressRows / of);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
