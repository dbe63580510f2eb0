package id.berdaya.registry.imports;

import id.berdaya.registry.registration.RegistrationRules;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.nik.NameKey;

import id.berdaya.core.RuleViolation.Problem;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The commit's sink: loadable rows written as TSV lines into chunks for the loading thread. */
/** The commit's sink: loadable rows written as TSV lines into chunks for the loading thread. */
final class CommitSink implements ImportPass.Sink {

    static final int CHUNK_ROWS = 30_000;
    private final BlockingQueue<ImportChunk> filled;
    private final BlockingQueue<ImportChunk> free;
    private final AtomicBoolean cancelled;
    private final String createdBy;
    private final String createdAt;
    private ImportChunk chunk = new ImportChunk(CHUNK_ROWS);
    private int processed;

    CommitSink(BlockingQueue<ImportChunk> filled, BlockingQueue<ImportChunk> free, AtomicBoolean cancelled, String createdBy,
               String createdAt) {
        this.filled = filled;
        this.free = free;
        this.cancelled = cancelled;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    @Override
    public void row(int line, NewBeneficiary n, RegistrationRules.Checked checked, ImportIssue.Outcome outcome, List<Problem> reasons) {
        processed++;
        if (outcome != null) {
            chunk.issues.add(new ImportIssue(line, outcome, n.nik(), n.fullName(), reasons));
        }
        if (outcome == null || outcome == ImportIssue.Outcome.WARNING) {
            write(n, checked);
        }
        if (chunk.full()) {
            hand(false);
        }
    }

    private void write(NewBeneficiary n, RegistrationRules.Checked checked) {
        String name = n.fullName().trim();
        String key = NameKey.of(name);
        List<String> flags = checked.nikCheck().flags();
        TsvBuffer t = chunk.startRow(checked.nik(), key);
        t.value(checked.nik()).value(RegistrationRules.blankToNull(n.kkNumber())).value(name).value(key)
                .value(RegistrationRules.blankToNull(n.nickname())).value(n.sex().name())
                .value(RegistrationRules.blankToNull(n.birthPlace())).value(n.birthDate().toString())
                .value(n.kabkotaCode()).value(n.kecamatanCode()).value(n.desaCode())
                .value(RegistrationRules.blankToNull(n.rt())).value(RegistrationRules.blankToNull(n.rw()))
                .value(RegistrationRules.blankToNull(n.street())).value(RegistrationRules.blankToNull(n.phone()))
                .value(RegistrationRules.blankToNull(n.maritalStatus())).value(RegistrationRules.blankToNull(n.education()))
                .value(RegistrationRules.blankToNull(n.occupation())).value(n.categoryId()).value(n.referralSource())
                .value(n.legalBasis().name()).value(flags.isEmpty() ? null : String.join(",", flags))
                .value(RegistrationRules.blankToNull(n.sensitiveNotes())).value(createdBy).value(createdAt).value(createdAt)
                .endLine();
        for (String token : NameKey.tokens(key)) {
            chunk.token(n.kabkotaCode(), token);
        }
        chunk.endRow();
    }

    void finish() {
        hand(true);
    }

    void fail(Throwable e) {
        ImportChunk failed = chunk; // its rows are never loaded
        failed.failure = e;
        failed.last = true;
        try {
            put(failed);
        } catch (RuntimeException cancelled) {
            // the loading side has already given up
        }
    }

    private void hand(boolean last) {
        chunk.seal();
        chunk.processed = processed;
        chunk.last = last;
        put(chunk);
        if (!last) {
            chunk = take();
        }
    }

    private void put(ImportChunk c) {
        try {
            while (!filled.offer(c, 1, TimeUnit.SECONDS)) {
                if (cancelled.get()) {
                    throw new IllegalStateException("cancelled");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A chunk the loader has given back. */
    private ImportChunk take() {
        try {
            ImportChunk c;
            while ((c = free.poll(1, TimeUnit.SECONDS)) == null) {
                if (cancelled.get()) {
                    throw new IllegalStateException("cancelled");
                }
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
