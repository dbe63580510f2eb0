package id.berdaya.registry.imports;

import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.RegistrationRules;
import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.Category;
import id.berdaya.registry.beneficiary.NewBeneficiary;
import id.berdaya.registry.nik.NameKey;
import id.berdaya.registry.nik.NikValidator;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.RuleViolation.Problem;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.db.enums.RegistryImportBatchStatus;
import id.berdaya.db.tables.records.RegistryImportBatchRecord;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Import of beneficiaries from a CSV or XLSX file made from the template.
 *
 * <ol>
 *   <li>{@link #preview}: the file is checked as a whole (format by content, size, encoding,
 *   columns, zip bomb) and refused with nothing written if it is malformed; otherwise every row
 *   is judged by the registration form's own rules ({@link RegistrationRules}) and classified
 *   valid / warning / error / skipped (NIK already registered, or repeated in the file). The batch
 *   and its problem rows are stored; the file is kept for the commit.</li>
 *   <li>{@link #commit}: in the background, the file is read and judged again (the register may
 *   have changed since the preview) and the valid and warning rows are loaded with
 *   {@code LOAD DATA LOCAL INFILE}, pipelined: a producer thread parses and validates chunks while
 *   the database loads the previous one. Warnings become review flags, name tokens and the
 *   possible-duplicate queue are written as a registration writes them.</li>
 * </ol>
 *
 * <p><b>Atomic, not resumable.</b> A commit runs in one database transaction: the rows, their name
 * tokens and duplicate-queue entries, the problem rows, the batch's final counts and its audit
 * event commit together or not at all. Progress is written beside it in short transactions of its
 * own. If the application stops during a commit, the database rolls the transaction back and
 * {@link ImportRecovery} marks the batch INTERRUPTED at the next start; importing the file again
 * is safe because an import is idempotent: a row whose NIK is registered is skipped, so the same
 * file (recognised by its SHA-256) changes nothing the second time.
 *
 * <p><b>Audit.</b> One audit event per batch and step (previewed, refused, started, imported with
 * counts, failed, interrupted, discarded, rejected rows exported), not one per row: the batch and
 * its problem rows are the per-row record.
 *
 * <p><b>Who.</b> District operators import rows of their own kabupaten/kota (a row of another one
 * is an error row); province administrators import for any district of the province.
 */
@Service
@Transactional
public class ImportService {

    static final String IMPORTERS = "hasAnyRole('DISTRICT_OPERATOR','PROVINCE_ADMIN')";
    /** The largest file accepted (bytes). */
    public static final long MAX_BYTES = ImportFile.MAX_BYTES;
    /** How many problem rows a preview returns (all of them are stored and downloadable). */
    public static final int PREVIEW_ISSUES = 500;
    static final int CHUNK_ROWS = 30_000;
    private static final int LOOKUP_ROWS = 1000;
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final Set<ImportIssue.Outcome> REJECTED = EnumSet.of(ImportIssue.Outcome.ERROR, ImportIssue.Outcome.SKIPPED);

    private final ImportRepository imports;
    private final BeneficiaryService beneficiaries;
    private final RegionService regions;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate txNew;
    private final Path directory;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("import-", 0).factory());
    private volatile RegistrationRules.Regions regionSnapshot;
    /** Rows processed by each running commit, in memory: the batch row itself is locked by the import's transaction. */
    private final Map<Long, AtomicInteger> progress = new java.util.concurrent.ConcurrentHashMap<>();
    private final TransactionTemplate loadTx;

    ImportService(ImportRepository imports, BeneficiaryService beneficiaries, RegionService regions, AuditLog audit, Clock clock,
                  PlatformTransactionManager transactions, @Value("${berdaya.home:${user.home}/.berdaya}") String home) {
        this.imports = imports;
        this.beneficiaries = beneficiaries;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.txNew = new TransactionTemplate(transactions);
        txNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // READ COMMITTED: the duplicate check's INSERT ... SELECT then takes no shared locks on other people's records
        this.loadTx = new TransactionTemplate(transactions);
        loadTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.directory = Path.of(home, "imports");
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The empty template: the header row only (no example row that could be imported as a person). */
    @PreAuthorize(IMPORTERS)
    @Transactional(propagation = Propagation.SUPPORTS)
    public void writeTemplate(boolean xlsx, OutputStream out) {
        if (xlsx) {
            try (XlsxExport sheet = new XlsxExport(out, "Penerima Manfaat", ImportColumn.headers())) {
                sheet.row(); // nothing but the header
            }
        } else {
            try {
                out.write(("\uFEFF" + String.join(";", ImportColumn.headers()) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Checks an uploaded file and classifies every row. A malformed file is refused with a
     * {@link RuleViolation} (audited) and nothing is stored.
     *
     * @param upload the uploaded bytes on disk (copied; the caller may delete it afterwards)
     */
    @PreAuthorize(IMPORTERS)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportPreview preview(String fileName, Path upload) {
        BerdayaUser me = CurrentUser.require();
        String name = cleanName(fileName);
        Path stored = store(upload);
        String sha256 = sha256(stored);
        long bytes = size(stored);
        try {
            ImportFile.Format format = ImportFile.sniff(stored);
            Context context = context(me);
            long id = tx.execute(s -> {
                long batchId = imports.insertBatch(me.kabkotaCode(), name, sha256, format, bytes, me.getUsername(), now());
                PreviewSink sink = new PreviewSink(batchId, me.kabkotaCode());
                ImportCounts counts = pass(stored, format, context, sink, new AtomicBoolean(), 0);
                sink.flush();
                if (counts.total() == 0) {
                    throw new RuleViolation("file", "import.file.noRows");
                }
                imports.counts(batchId, counts);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("file", name);
                detail.put("sha256", sha256);
                detail.putAll(countsMap(counts));
                audit.record(RegistryAction.IMPORT_PREVIEWED, ImportRepository.ENTITY, batchId, me.kabkotaCode(), null, detail);
                return batchId;
            });
            Files.move(stored, file(id), StandardCopyOption.ATOMIC_MOVE);
            ImportBatch batch = imports.find(id).map(this::batch).orElseThrow();
            return new ImportPreview(batch, imports.issues(id, EnumSet.allOf(ImportIssue.Outcome.class), PREVIEW_ISSUES));
        } catch (RuleViolation refused) {
            deleteQuietly(stored);
            audit.recordDenial(RegistryAction.IMPORT_REFUSED, ImportRepository.ENTITY, null, me.kabkotaCode(),
                    Map.of("file", name, "sha256", sha256, "reason", refused.problems().getFirst().key()));
            throw refused;
        } catch (IOException e) {
            deleteQuietly(stored);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(stored);
            throw e;
        }
    }

    /**
     * Starts the commit of a previewed batch in the background and returns at once; follow it with
     * {@link #batch(long)}. Refused when the batch is not (or no longer) a preview the user can see,
     * or when the same file is being imported right now.
     */
    @PreAuthorize(IMPORTERS)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportBatch commit(long batchId, int version) {
        BerdayaUser me = CurrentUser.require();
        RegistryImportBatchRecord r = tx.execute(s -> {
            RegistryImportBatchRecord b = imports.find(batchId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
            if (!RegistryImportBatchStatus.PREVIEWED.equals(b.getStatus())) {
                throw new RuleViolation(null, "import.notPreviewed");
            }
            if (imports.running(b.getFileSha256())) {
                throw new RuleViolation(null, "import.sameFileRunning");
            }
            if (!Files.exists(file(batchId))) {
                throw new RuleViolation(null, "import.fileGone");
            }
            if (!imports.start(batchId, version, now())) {
                throw RuleViolation.concurrentChange();
            }
            audit.record(RegistryAction.IMPORT_STARTED, ImportRepository.ENTITY, batchId, b.getKabkotaCode(), null,
                    Map.of("file", b.getFileName(), "sha256", b.getFileSha256()));
            return imports.find(batchId).orElseThrow();
        });
        Context context = context(me);
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        workers.submit(() -> run(r, context, security));
        return batch(r);
    }

    /** Drops a preview that will not be committed (its stored file is deleted). */
    @PreAuthorize(IMPORTERS)
    public void discard(long batchId) {
        RegistryImportBatchRecord b = imports.find(batchId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!imports.finish(batchId, RegistryImportBatchStatus.PREVIEWED, RegistryImportBatchStatus.DISCARDED, null, now())) {
            throw new RuleViolation(null, "import.notPreviewed");
        }
        audit.record(RegistryAction.IMPORT_DISCARDED, ImportRepository.ENTITY, batchId, b.getKabkotaCode(), null,
                Map.of("file", b.getFileName()));
        deleteQuietly(file(batchId));
    }

    /** A batch the user can see (its progress while it runs). */
    @PreAuthorize(IMPORTERS)
    @Transactional(readOnly = true)
    public Optional<ImportBatch> batch(long batchId) {
        return imports.find(batchId).map(this::batch);
    }

    /** The latest imports the user can see, newest first. */
    @PreAuthorize(IMPORTERS)
    @Transactional(readOnly = true)
    public List<ImportBatch> history(int limit) {
        return imports.history(Math.min(Math.max(limit, 1), 200)).stream().map(this::batch).toList();
    }

    /** The first problem rows of a visible batch, in file order. */
    @PreAuthorize(IMPORTERS)
    @Transactional(readOnly = true)
    public List<ImportIssue> issues(long batchId, int limit) {
        imports.find(batchId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        return imports.issues(batchId, EnumSet.allOf(ImportIssue.Outcome.class), Math.min(Math.max(limit, 1), 5000));
    }

    /**
     * Writes the rows that were not imported (errors and skipped rows) with their reasons as XLSX,
     * streamed, and audits the download.
     *
     * @param text translates a message key with its arguments (the UI's I18NProvider)
     */
    @PreAuthorize(IMPORTERS)
    public int exportRejected(long batchId, List<String> headers, Function<Problem, String> text, OutputStream out) {
        RegistryImportBatchRecord b = imports.find(batchId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        int[] rows = {0};
        try (XlsxExport xlsx = new XlsxExport(out, "Ditolak", headers)) {
            imports.forEachIssue(batchId, REJECTED, i -> {
                StringBuilder reasons = new StringBuilder();
                for (Problem p : i.reasons()) {
                    reasons.append(reasons.isEmpty() ? "" : "; ").append(text.apply(p));
                }
                xlsx.row(i.line(), text.apply(new Problem(null, "import.outcome." + i.outcome().name())), i.nik(), i.fullName(),
                        reasons.toString());
                rows[0]++;
            });
        }
        audit.record(RegistryAction.IMPORT_REJECTS_EXPORTED, ImportRepository.ENTITY, batchId, b.getKabkotaCode(), null,
                Map.of("rows", rows[0]));
        return rows[0];
    }

    // ---------------------------------------------------------------------------------------------
    // the commit, in the background

    private void run(RegistryImportBatchRecord batch, Context context, SecurityContext security) {
        SecurityContextHolder.setContext(security);
        long id = batch.getId();
        try {
            ImportFile.Format format = ImportFile.Format.valueOf(batch.getFileFormat().getLiteral());
            loadTx.executeWithoutResult(s -> {
                ImportCounts counts = load(id, batch.getKabkotaCode(), file(id), format, context,
                        Objects.requireNonNullElse(batch.getTotalRows(), 0));
                imports.counts(id, counts);
                imports.progress(id, counts.total());
                imports.finish(id, RegistryImportBatchStatus.RUNNING, RegistryImportBatchStatus.DONE, null, now());
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("file", batch.getFileName());
                detail.put("sha256", batch.getFileSha256());
                detail.putAll(countsMap(counts));
                audit.record(RegistryAction.IMPORTED, ImportRepository.ENTITY, id, batch.getKabkotaCode(), null, detail);
            });
        } catch (Throwable e) {
            log.warn("Import batch {} failed", id, e);
            String message = e instanceof RuleViolation v ? v.problems().getFirst().key() : e.getClass().getSimpleName() + ": " + e.getMessage();
            try {
                txNew.executeWithoutResult(s -> {
                    imports.finish(id, RegistryImportBatchStatus.RUNNING, RegistryImportBatchStatus.FAILED, message, now());
                    audit.record(RegistryAction.IMPORT_FAILED, ImportRepository.ENTITY, id, batch.getKabkotaCode(), null,
                            Map.of("reason", message));
                });
            } catch (RuntimeException again) {
                log.error("Could not mark import batch {} as failed", id, again);
            }
        } finally {
            progress.remove(id);
            deleteQuietly(file(id));
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Parses and validates on a producer thread, loads on this one (inside the caller's
     * transaction), with two chunks that go round (one filling while the other loads; the parser
     * is the faster of the two): memory stays flat whatever the file size.
     */
    ImportCounts load(long batchId, String kabkota, Path file, ImportFile.Format format, Context context, int expectedRows) {
        imports.deleteIssues(batchId);
        if (imports.autoIncrementLockMode() == 2) {
            throw new IllegalStateException("innodb_autoinc_lock_mode=2 gives LOAD DATA no consecutive ids; set it to 1");
        }
        BlockingQueue<ImportChunk> filled = new ArrayBlockingQueue<>(1);
        BlockingQueue<ImportChunk> free = new ArrayBlockingQueue<>(1);
        free.add(new ImportChunk(CHUNK_ROWS));
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger loaded = progress.computeIfAbsent(batchId, k -> new AtomicInteger());
        ImportCounts[] result = new ImportCounts[1];
        String by = CurrentUser.require().getUsername();
        String at = TIMESTAMP.format(now());
        Thread producer = Thread.ofVirtual().name("import-parse-" + batchId).start(() -> {
            CommitSink sink = new CommitSink(filled, free, cancelled, by, at);
            try {
                result[0] = pass(file, format, context, sink, cancelled, expectedRows);
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

    // ---------------------------------------------------------------------------------------------
    // one pass over the file: parse, judge, classify

    /** What a pass needs to judge rows, prepared on the user's thread. */
    record Context(RegistrationRules rules, String ownKabkota, boolean seesAllDistricts, Map<Integer, Integer> categoryByNumber,
                   Map<String, String> officeNames) {
    }

    private Context context(BerdayaUser me) {
        RegistrationRules.Regions snapshot = regionSnapshot;
        if (snapshot == null) {
            snapshot = RegistrationRules.snapshot(regions);
            regionSnapshot = snapshot;
        }
        List<Category> categories = beneficiaries.categories();
        Map<Integer, Integer> byNumber = new HashMap<>();
        categories.forEach(c -> byNumber.put(c.number(), c.id()));
        Map<String, String> offices = new HashMap<>();
        regions.kabkota().forEach(k -> offices.put(k.code(), k.displayName()));
        RegistrationRules rules = new RegistrationRules(new NikValidator(regions.codes()), snapshot, () -> categories,
                LocalDate.now(clock.withZone(IndonesianFormat.WIB)));
        boolean district = me.role().isDistrictLevel();
        return new Context(rules, district ? me.kabkotaCode() : null, !district, byNumber, offices);
    }

    /** Receives each judged row in file order. */
    private interface Sink {
        /**
         * @param outcome null for a valid row
         */
        void row(int line, NewBeneficiary n, RegistrationRules.Checked checked, ImportIssue.Outcome outcome, List<Problem> reasons);
    }

    private record Parsed(int line, NewBeneficiary n, List<Problem> problems) {
    }

    /** @param expectedRows rows the file is expected to hold (the preview's count), to size the set of NIKs seen once */
    private ImportCounts pass(Path file, ImportFile.Format format, Context context, Sink sink, AtomicBoolean cancelled, int expectedRows) {
        int[] counts = new int[4]; // valid, warning, error, skipped
        LongSet seen = new LongSet(Math.max(expectedRows, 1 << 16));
        List<Parsed> block = new ArrayList<>(LOOKUP_ROWS);
        try (ImportFile.Rows rows = ImportFile.open(file, format)) {
            String[] values;
            while ((values = rows.next()) != null) {
                if (cancelled.get()) {
                    throw new IllegalStateException("cancelled");
                }
                block.add(parse(rows.line(), values, context));
                if (block.size() == LOOKUP_ROWS) {
                    judge(block, context, seen, sink, counts);
                    block.clear();
                }
            }
            judge(block, context, seen, sink, counts);
        }
        int total = counts[0] + counts[1] + counts[2] + counts[3];
        return new ImportCounts(total, counts[0], counts[1], counts[2], counts[3], 0);
    }

    private void judge(List<Parsed> block, Context context, LongSet seen, Sink sink, int[] counts) {
        if (block.isEmpty()) {
            return;
        }
        List<RegistrationRules.Checked> checked = new ArrayList<>(block.size());
        List<String> niks = new ArrayList<>(block.size());
        for (Parsed p : block) {
            RegistrationRules.Checked c = context.rules().check(p.n(), context.ownKabkota());
            checked.add(c);
            if (c.ok() && p.problems().isEmpty()) {
                niks.add(c.nik());
            }
        }
        Map<String, String> registered = imports.districtsOfNiks(niks);
        for (int i = 0; i < block.size(); i++) {
            Parsed p = block.get(i);
            RegistrationRules.Checked c = checked.get(i);
            if (!p.problems().isEmpty() || !c.ok()) {
                List<Problem> reasons = new ArrayList<>(p.problems());
                Set<String> parsedFields = new java.util.HashSet<>();
                p.problems().forEach(x -> parsedFields.add(x.field()));
                c.errors().stream().filter(x -> !parsedFields.contains(x.field())).forEach(reasons::add);
                counts[2]++;
                sink.row(p.line(), p.n(), c, ImportIssue.Outcome.ERROR, reasons);
                continue;
            }
            String district = registered.get(c.nik());
            if (district != null) {
                Problem why = context.seesAllDistricts() || district.equals(context.ownKabkota())
                        ? new Problem("nik", "import.nik.registered")
                        : new Problem("nik", "registry.nik.existsElsewhere", context.officeNames().getOrDefault(district, district));
                counts[3]++;
                sink.row(p.line(), p.n(), c, ImportIssue.Outcome.SKIPPED, List.of(why));
                continue;
            }
            if (!seen.add(Long.parseLong(c.nik()))) {
                counts[3]++;
                sink.row(p.line(), p.n(), c, ImportIssue.Outcome.SKIPPED, List.of(new Problem("nik", "import.nik.repeated")));
                continue;
            }
            if (c.nikCheck().warnings().isEmpty()) {
                counts[0]++;
                sink.row(p.line(), p.n(), c, null, List.of());
            } else {
                counts[1]++;
                sink.row(p.line(), p.n(), c, ImportIssue.Outcome.WARNING, c.nikCheck().warnings());
            }
        }
    }

    /** Turns the text of a row into what the form would have submitted, noting values that cannot be read. */
    private static Parsed parse(int line, String[] v, Context context) {
        List<Problem> problems = new ArrayList<>(0);
        Sex sex = null;
        String s = v[ImportColumn.SEX.ordinal()];
        if (s != null) {
            switch (s.toUpperCase(Locale.ROOT)) {
                case "L", "LAKI-LAKI", "LAKI LAKI" -> sex = Sex.L;
                case "P", "PEREMPUAN" -> sex = Sex.P;
                default -> problems.add(new Problem("sex", "import.value.sex"));
            }
        }
        LocalDate birth = null;
        String d = v[ImportColumn.BIRTH_DATE.ordinal()];
        if (d != null) {
            try {
                birth = d.indexOf('/') > 0 ? LocalDate.parse(d, DMY) : LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                problems.add(new Problem("birthDate", "import.value.date"));
            }
        }
        Integer category = null;
        String c = v[ImportColumn.CATEGORY.ordinal()];
        if (c != null) {
            try {
                category = context.categoryByNumber().get(Integer.parseInt(c));
            } catch (NumberFormatException e) {
                category = null;
            }
            if (category == null) {
                problems.add(new Problem("category", "import.value.category"));
            }
        }
        LegalBasis basis = null;
        String b = v[ImportColumn.LEGAL_BASIS.ordinal()];
        if (b != null) {
            try {
                basis = LegalBasis.valueOf(b.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("legalBasis", "import.value.legalBasis"));
            }
        }
        tooLong(v, ImportColumn.NICKNAME, "nickname", 60, problems);
        tooLong(v, ImportColumn.BIRTH_PLACE, "birthPlace", 100, problems);
        tooLong(v, ImportColumn.STREET, "street", 200, problems);
        tooLong(v, ImportColumn.OCCUPATION, "occupation", 100, problems);
        tooLong(v, ImportColumn.MARITAL_STATUS, "maritalStatus", 20, problems);
        tooLong(v, ImportColumn.EDUCATION, "education", 20, problems);
        tooLong(v, ImportColumn.SENSITIVE_NOTES, "sensitiveNotes", 2000, problems);
        String referral = v[ImportColumn.REFERRAL_SOURCE.ordinal()];
        NewBeneficiary n = new NewBeneficiary(v[ImportColumn.NIK.ordinal()], v[ImportColumn.KK_NUMBER.ordinal()],
                v[ImportColumn.FULL_NAME.ordinal()], v[ImportColumn.NICKNAME.ordinal()], sex, v[ImportColumn.BIRTH_PLACE.ordinal()],
                birth, v[ImportColumn.KABKOTA.ordinal()], v[ImportColumn.KECAMATAN.ordinal()], v[ImportColumn.DESA.ordinal()],
                v[ImportColumn.RT.ordinal()], v[ImportColumn.RW.ordinal()], v[ImportColumn.STREET.ordinal()],
                v[ImportColumn.PHONE.ordinal()], v[ImportColumn.MARITAL_STATUS.ordinal()], v[ImportColumn.EDUCATION.ordinal()],
                v[ImportColumn.OCCUPATION.ordinal()], category, referral == null ? null : referral.toUpperCase(Locale.ROOT), basis,
                v[ImportColumn.SENSITIVE_NOTES.ordinal()]);
        return new Parsed(line, n, problems);
    }

    private static void tooLong(String[] v, ImportColumn column, String field, int max, List<Problem> problems) {
        String s = v[column.ordinal()];
        if (s != null && s.length() > max) {
            problems.add(new Problem(field, "import.value.tooLong", column.header(), max));
        }
    }

    /** The preview's sink: counts, and problem rows stored a thousand at a time. */
    private final class PreviewSink implements Sink {
        private final long batchId;
        private final String kabkota;
        private final List<ImportIssue> buffer = new ArrayList<>();

        PreviewSink(long batchId, String kabkota) {
            this.batchId = batchId;
            this.kabkota = kabkota;
        }

        @Override
        public void row(int line, NewBeneficiary n, RegistrationRules.Checked checked, ImportIssue.Outcome outcome, List<Problem> reasons) {
            if (outcome != null) {
                buffer.add(new ImportIssue(line, outcome, n.nik(), n.fullName(), reasons));
                if (buffer.size() >= LOOKUP_ROWS) {
                    flush();
                }
            }
        }

        void flush() {
            imports.insertIssues(batchId, kabkota, buffer);
            buffer.clear();
        }
    }

    /** The commit's sink: loadable rows written as TSV lines into chunks for the loading thread. */
    private static final class CommitSink implements Sink {
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

    // ---------------------------------------------------------------------------------------------

    private ImportBatch batch(RegistryImportBatchRecord r) {
        Long previous = RegistryImportBatchStatus.PREVIEWED.equals(r.getStatus())
                ? imports.lastDone(r.getFileSha256(), r.getId()).map(RegistryImportBatchRecord::getId).orElse(null) : null;
        return new ImportBatch(r.getId(), r.getKabkotaCode(), r.getFileName(), r.getFileSha256(), r.getFileFormat().getLiteral(),
                r.getFileBytes(), ImportBatch.Status.valueOf(r.getStatus().getLiteral()),
                new ImportCounts(r.getTotalRows(), r.getValidRows(), r.getWarningRows(), r.getErrorRows(), r.getSkippedRows(),
                        r.getInsertedRows()),
                running(r), r.getMessage(), r.getCreatedBy(), utc(r.getCreatedAt()), utc(r.getStartedAt()),
                utc(r.getFinishedAt()), r.getVersion(), previous);
    }

    private int running(RegistryImportBatchRecord r) {
        AtomicInteger n = progress.get(r.getId());
        return n != null ? n.get() : r.getProgressRows();
    }

    private static java.time.Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Map<String, Object> countsMap(ImportCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", c.total());
        m.put("valid", c.valid());
        m.put("warnings", c.warnings());
        m.put("errors", c.errors());
        m.put("skipped", c.skipped());
        m.put("inserted", c.inserted());
        return m;
    }

    /** Copies the upload into the import directory (owner-only: it holds personal data). */
    private Path store(Path upload) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            long size = Files.size(upload);
            if (size > ImportFile.MAX_BYTES) {
                throw new RuleViolation("file", "import.file.tooLarge", ImportFile.MAX_BYTES / (1024 * 1024));
            }
            Path target = directory.resolve("upload-" + UUID.randomUUID());
            Files.copy(upload, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(long batchId) {
        return directory.resolve("batch-" + batchId);
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cleanName(String fileName) {
        String base = fileName == null ? "impor" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        if (base.isBlank()) {
            base = "impor";
        }
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", p, e.toString());
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
