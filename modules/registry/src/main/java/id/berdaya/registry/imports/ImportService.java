package id.berdaya.registry.imports;

import id.berdaya.registry.imports.file.ImportColumn;
import id.berdaya.registry.imports.file.ImportFile;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.registration.RegistrationRules;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.lookup.ForeignNikService;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.RuleViolation.Problem;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final Set<ImportIssue.Outcome> REJECTED = EnumSet.of(ImportIssue.Outcome.ERROR, ImportIssue.Outcome.SKIPPED);

    private final ImportRepository imports;
    private final ImportPass pass;
    private final ImportCommit commits;
    private final ImportStorage storage;
    private final AuditLog audit;
    private final ForeignNikService foreign;
    private final Clock clock;
    private final TransactionTemplate tx;

    ImportService(ImportRepository imports, ImportPass pass, ImportCommit commits, ImportStorage storage, AuditLog audit,
                  ForeignNikService foreign, Clock clock, PlatformTransactionManager transactions) {
        this.imports = imports;
        this.pass = pass;
        this.commits = commits;
        this.storage = storage;
        this.audit = audit;
        this.foreign = foreign;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * The empty template: the header row only (no example row that could be imported as a person).
     * The XLSX has a second sheet with the values the coded columns allow (sex, date format, active
     * categories, referral sources, legal bases), in the language of {@code text}.
     *
     * @param text translates a message key with its arguments (the UI's I18NProvider)
     */
    @PreAuthorize(IMPORTERS)
    @Transactional(propagation = Propagation.SUPPORTS)
    public void writeTemplate(boolean xlsx, Function<Problem, String> text, OutputStream out) {
        if (xlsx) {
            try (XlsxExport sheet = new XlsxExport(out, text.apply(new Problem(null, "import.template.sheet")), ImportColumn.headers())) {
                sheet.row(); // nothing but the header
                sheet.nextSheet(new XlsxSheet(text.apply(new Problem(null, "import.template.valuesSheet")),
                        List.of(text.apply(new Problem(null, "import.template.column")), text.apply(new Problem(null, "import.template.value")),
                                text.apply(new Problem(null, "import.template.meaning")))));
                ImportColumn.allowedValues(pass.categories(), text).forEach(r -> sheet.row(r.toArray()));
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
     * {@link RuleViolation} (audited) and nothing is stored. So is every preview of a user past
     * the daily number of NIKs found in other districts ({@link ForeignNikService}), and a preview
     * that takes them past it.
     *
     * @param upload the uploaded bytes on disk (copied; the caller may delete it afterwards)
     */
    @PreAuthorize(IMPORTERS)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportPreview preview(String fileName, Path upload) {
        BerdayaUser me = CurrentUser.require();
        String name = ImportStorage.cleanName(fileName);
        Path stored = storage.store(upload);
        String sha256 = ImportStorage.sha256(stored);
        long bytes = ImportStorage.size(stored);
        try {
            foreign.requireWithinLimit(ForeignNikService.Via.IMPORT);
            ImportFile.Format format = ImportFile.sniff(stored);
            ImportPass.Context context = pass.context(me, true);
            long id = tx.execute(s -> {
                long batchId = imports.insertBatch(me.kabkotaCode(), name, sha256, format, bytes, me.getUsername(), now());
                ImportPass.PreviewSink sink = new ImportPass.PreviewSink(imports, batchId, me.kabkotaCode());
                ImportCounts counts = pass.pass(stored, format, context, sink, new AtomicBoolean(), 0);
                sink.flush();
                if (counts.total() == 0) {
                    throw new RuleViolation("file", "import.file.noRows");
                }
                imports.counts(batchId, counts);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("file", name);
                detail.put("sha256", sha256);
                detail.putAll(ImportCommit.countsMap(counts));
                audit.record(AuditEvent.of(RegistryAction.IMPORT_PREVIEWED).entity(RegistryEntity.IMPORT_BATCH, batchId)
                        .district(me.kabkotaCode()).after(detail));
                return batchId;
            });
            Files.move(stored, file(id), StandardCopyOption.ATOMIC_MOVE);
            ImportBatch batch = imports.find(id).map(this::batch).orElseThrow();
            return new ImportPreview(batch, imports.issues(id, EnumSet.allOf(ImportIssue.Outcome.class), PREVIEW_ISSUES));
        } catch (RuleViolation refused) {
            ImportStorage.deleteQuietly(stored);
            audit.recordDenial(AuditEvent.of(RegistryAction.IMPORT_REFUSED).entity(RegistryEntity.IMPORT_BATCH, null)
                    .district(me.kabkotaCode())
                    .after(Map.of("file", name, "sha256", sha256, "reason", refused.problems().getFirst().key())));
            throw refused;
        } catch (IOException e) {
            ImportStorage.deleteQuietly(stored);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            ImportStorage.deleteQuietly(stored);
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
        ImportRepository.Stored r = tx.execute(s -> {
            ImportRepository.Stored b = imports.find(batchId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
            if (b.status() != ImportBatch.Status.PREVIEWED) {
                throw new RuleViolation(null, "import.notPreviewed");
            }
            if (imports.running(b.sha256())) {
                throw new RuleViolation(null, "import.sameFileRunning");
            }
            if (!Files.exists(file(batchId))) {
                throw new RuleViolation(null, "import.fileGone");
            }
            if (!imports.start(batchId, version, now())) {
                throw RuleViolation.concurrentChange();
            }
            audit.record(AuditEvent.of(RegistryAction.IMPORT_STARTED).entity(RegistryEntity.IMPORT_BATCH, batchId)
                    .district(b.kabkotaCode()).after(Map.of("file", b.fileName(), "sha256", b.sha256())));
            return imports.find(batchId).orElseThrow();
        });
        commits.start(r, pass.context(me));
        return batch(r);
    }

    /** Drops a preview that will not be committed (its stored file is deleted). */
    @PreAuthorize(IMPORTERS)
    public void discard(long batchId) {
        ImportRepository.Stored b = imports.find(batchId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!imports.finish(batchId, ImportBatch.Status.PREVIEWED, ImportBatch.Status.DISCARDED, null, now())) {
            throw new RuleViolation(null, "import.notPreviewed");
        }
        audit.record(AuditEvent.of(RegistryAction.IMPORT_DISCARDED).entity(RegistryEntity.IMPORT_BATCH, batchId)
                .district(b.kabkotaCode()).after(Map.of("file", b.fileName())));
        ImportStorage.deleteQuietly(file(batchId));
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
     * streamed, and audits the download. The NIKs are masked like everywhere else: the operator
     * corrects the rows in the file they uploaded, found by line number.
     *
     * @param text translates a message key with its arguments (the UI's I18NProvider)
     */
    @PreAuthorize(IMPORTERS)
    public int exportRejected(long batchId, XlsxSheet sheet, Function<Problem, String> text, OutputStream out) {
        ImportRepository.Stored b = imports.find(batchId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        int[] rows = {0};
        try (XlsxExport xlsx = new XlsxExport(out, sheet)) {
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
        audit.record(AuditEvent.of(RegistryAction.IMPORT_REJECTS_EXPORTED).entity(RegistryEntity.IMPORT_BATCH, batchId)
                .district(b.kabkotaCode()).after(Map.of("rows", rows[0])));
        return rows[0];
    }

    // ---------------------------------------------------------------------------------------------

    private ImportBatch batch(ImportRepository.Stored r) {
        Long previous = r.status() == ImportBatch.Status.PREVIEWED ? imports.lastDone(r.sha256(), r.id()).orElse(null) : null;
        return new ImportBatch(r.id(), r.kabkotaCode(), r.fileName(), r.sha256(), r.format(), r.bytes(), r.status(),
                new ImportCounts(r.totalRows(), r.validRows(), r.warningRows(), r.errorRows(), r.skippedRows(), r.insertedRows()),
                running(r), r.message(), r.createdBy(), utc(r.createdAt()), utc(r.startedAt()), utc(r.finishedAt()), r.version(),
                previous);
    }

    private int running(ImportRepository.Stored r) {
        return commits.progress(r.id(), r.progressRows());
    }

    private static java.time.Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** Where a previewed batch's file is kept. */
    Path file(long batchId) {
        return storage.file(batchId);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
