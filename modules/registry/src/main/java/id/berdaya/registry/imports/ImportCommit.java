package id.berdaya.registry.imports;

import id.berdaya.registry.imports.file.ImportFile;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.nik.NameKey;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.figures.FigureCounts;
import id.berdaya.core.security.CurrentUser;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The commit of a previewed batch, in the background: a parser thread runs the pass into two
 * recycled {@link ImportChunk}s, this side loads them with {@code LOAD DATA LOCAL INFILE}, all
 * in one transaction; a failure marks the batch FAILED in a transaction of its own.
 */
@Component
class ImportCommit {

    private static final Logger log = LoggerFactory.getLogger(ImportCommit.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final ImportRepository imports;
    private final FigureCounts figures;
    private final ImportPass pass;
    private final ImportStorage storage;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate txNew;
    private final TransactionTemplate loadTx;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("import-", 0).factory());
    /** Rows processed by each running commit, in memory: the batch row itself is locked by the import's transaction. */
    private final Map<Long, AtomicInteger> progress = new java.util.concurrent.ConcurrentHashMap<>();

    ImportCommit(ImportRepository imports, ImportPass pass, ImportStorage storage, AuditLog audit, Clock clock,
                 PlatformTransactionManager transactions, FigureCounts figures) {
        this.imports = imports;
        this.figures = figures;
        this.pass = pass;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
        this.txNew = new TransactionTemplate(transactions);
        txNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // READ COMMITTED: the duplicate check's INSERT ... SELECT then takes no shared locks on other people's records
        this.loadTx = new TransactionTemplate(transactions);
        loadTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** Starts the commit of a batch now RUNNING, on a worker thread with the caller's security context. */
    void start(ImportRepository.Stored batch, ImportPass.Context context) {
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        workers.submit(() -> run(batch, context, security));
    }

    /** Rows processed so far by a running commit, else {@code stored}. */
    int progress(long batchId, int stored) {
        AtomicInteger n = progress.get(batchId);
        return n != null ? n.get() : stored;
    }

    private void run(ImportRepository.Stored batch, ImportPass.Context context, SecurityContext security) {
        SecurityContextHolder.setContext(security);
        long id = batch.id();
        try {
            ImportFile.Format format = ImportFile.Format.valueOf(batch.format());
            loadTx.executeWithoutResult(s -> {
                ImportCounts counts = load(id, batch.kabkotaCode(), storage.file(id), format, context,
                        Objects.requireNonNullElse(batch.totalRows(), 0));
                imports.counts(id, counts);
                imports.progress(id, counts.total());
                imports.finish(id, ImportBatch.Status.RUNNING, ImportBatch.Status.DONE, null, now());
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("file", batch.fileName());
                detail.put("sha256", batch.sha256());
                detail.putAll(countsMap(counts));
                audit.record(AuditEvent.of(RegistryAction.IMPORTED).entity(RegistryEntity.IMPORT_BATCH, id)
                        .district(batch.kabkotaCode()).after(detail));
            });
        } catch (Throwable e) {
            log.warn("Import batch {} failed", id, NameKey.maskNiksIn(e));
            String message = failure(e);
            try {
                txNew.executeWithoutResult(s -> {
                    imports.finish(id, ImportBatch.Status.RUNNING, ImportBatch.Status.FAILED, message, now());
                    audit.record(AuditEvent.of(RegistryAction.IMPORT_FAILED).entity(RegistryEntity.IMPORT_BATCH, id)
                            .district(batch.kabkotaCode()).after(Map.of("reason", message)));
                });
            } catch (RuntimeException again) {
                log.error("Could not mark import batch {} as failed", id, again);
            }
        } finally {
            progress.remove(id);
            ImportStorage.deleteQuietly(storage.file(id));
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Parses and validates on a producer thread, loads on this one (inside the caller's
     * transaction), with two chunks that go round (one filling while the other loads; the parser
     * is the faster of the two): memory stays flat whatever the file size.
     */
    ImportCounts load(long batchId, String kabkota, Path file, ImportFile.Format format, ImportPass.Context context, int expectedRows) {
        // the scorecards' counts: one add per kecamatan and month for the batch, not a trigger per row (V045)
        return figures.deferringTriggers(() -> {
            Map<String, FigureCounts.Delta> added = new java.util.TreeMap<>();
            ImportCounts counts = loadChunks(batchId, kabkota, file, format, context, expectedRows, added);
            figures.add(List.copyOf(added.values()));
            return counts;
        });
    }

    private ImportCounts loadChunks(long batchId, String kabkota, Path file, ImportFile.Format format, ImportPass.Context context,
                                    int expectedRows, Map<String, FigureCounts.Delta> added) {
        imports.deleteIssues(batchId);
        if (imports.autoIncrementLockMode() == 2) {
            throw new IllegalStateException("innodb_autoinc_lock_mode=2 gives LOAD DATA no consecutive ids; set it to 1");
        }
        BlockingQueue<ImportChunk> filled = new ArrayBlockingQueue<>(1);
        BlockingQueue<ImportChunk> free = new ArrayBlockingQueue<>(1);
        free.add(new ImportChunk(CommitSink.CHUNK_ROWS));
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger loaded = progress.computeIfAbsent(batchId, k -> new AtomicInteger());
        ImportCounts[] result = new ImportCounts[1];
        String by = CurrentUser.require().getUsername();
        String at = TIMESTAMP.format(now());
        Thread producer = Thread.ofVirtual().name("import-parse-" + batchId).start(() -> {
            CommitSink sink = new CommitSink(filled, free, cancelled, by, at);
            try {
                result[0] = pass.pass(file, format, context, sink, cancelled, expectedRows);
                sink.finish();
            } catch (Throwable e) {
                sink.fail(e);
            }
        });
        int inserted = 0;
        long[] nanos = new long[5]; // waiting for the parser, rows, tokens, duplicate queue, problem rows
        try {
            while (true) {
                long t = System.nanoTime();
                ImportChunk c = filled.poll(1, TimeUnit.SECONDS);
                nanos[0] += System.nanoTime() - t;
                if (c == null) {
                    continue;
                }
                if (c.failure != null) {
                    throw c.failure instanceof RuntimeException re ? re : new IllegalStateException(c.failure);
                }
                if (c.count > 0) {
                    t = System.nanoTime();
                    long firstId = imports.loadBeneficiaries(c.rows(), c.count, c.firstNik, c.lastNik);
                    nanos[1] += System.nanoTime() - t;
                    t = System.nanoTime();
                    if (c.tokenCount > 0) {
                        imports.loadTokens(c.tokens(), c.tokenCount, firstId);
                    }
                    nanos[2] += System.nanoTime() - t;
                    t = System.nanoTime();
                    imports.openDuplicates(firstId, firstId + c.count - 1);
                    nanos[3] += System.nanoTime() - t;
                    for (FigureCounts.Delta d : imports.figureDeltas(firstId, firstId + c.count - 1)) {
                        added.merge(d.figure() + " " + d.kecamatanCode() + " " + d.month(), d, (x, y) ->
                                new FigureCounts.Delta(x.figure(), x.kabkotaCode(), x.kecamatanCode(), x.month(), x.n() + y.n()));
                    }
                    inserted += c.count;
                }
                t = System.nanoTime();
                imports.insertIssues(batchId, kabkota, c.issues);
                nanos[4] += System.nanoTime() - t;
                loaded.set(c.processed);
                if (c.last) {
                    break;
                }
                free.add(c.reset());
            }
            producer.join();
            log.info("Import batch {}: {} rows loaded; seconds waiting for the parser {}, loading rows {}, name tokens {}, "
                    + "duplicate queue {}, problem rows {}", batchId, inserted, secs(nanos[0]), secs(nanos[1]), secs(nanos[2]),
                    secs(nanos[3]), secs(nanos[4]));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            cancelled.set(true);
        }
        ImportCounts c = result[0];
        return new ImportCounts(c.total(), c.valid(), c.warnings(), c.errors(), c.skipped(), inserted);
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    static Map<String, Object> countsMap(ImportCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", c.total());
        m.put("valid", c.valid());
        m.put("warnings", c.warnings());
        m.put("errors", c.errors());
        m.put("skipped", c.skipped());
        m.put("inserted", c.inserted());
        return m;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** What a failed batch keeps as its message (shown and audited): a rule's key, or the error with any NIK in it masked. */
    static String failure(Throwable e) {
        return e instanceof RuleViolation v ? v.problems().getFirst().key() : e.getClass().getSimpleName() + ": " + NameKey.maskNiksIn(e.getMessage());
    }
}
