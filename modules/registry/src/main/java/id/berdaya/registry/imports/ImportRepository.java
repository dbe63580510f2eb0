package id.berdaya.registry.imports;

import id.berdaya.registry.imports.file.ImportFile;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.registry.nik.NameKey;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.enums.RegistryBeneficiaryStatus;
import id.berdaya.db.enums.RegistryImportBatchFileFormat;
import id.berdaya.db.enums.RegistryImportBatchStatus;
import id.berdaya.db.enums.RegistryImportIssueOutcome;
import id.berdaya.db.tables.records.RegistryImportBatchRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.io.InputStream;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static id.berdaya.db.Tables.REGISTRY_BENEFICIARY;
import static id.berdaya.db.Tables.REGISTRY_DUPLICATE;
import static id.berdaya.db.Tables.REGISTRY_IMPORT_BATCH;
import static id.berdaya.db.Tables.REGISTRY_IMPORT_ISSUE;
import static id.berdaya.db.Tables.REGISTRY_NAME_TOKEN;

/**
 * Import batches and their problem rows (district-scoped by the importing user's district), and
 * the bulk load of imported rows into the register. The load streams tab-separated rows into
 * {@code LOAD DATA LOCAL INFILE} through the MariaDB driver, straight into
 * {@code registry_beneficiary} and then {@code registry_name_token}; no staging table.
 */
@Repository
class ImportRepository extends DistrictScopedRepository<RegistryImportBatchRecord> {

    /** The columns of {@code registry_beneficiary} that an imported row fills, in the order of the TSV lines. */
    static final List<Field<?>> LOADED_COLUMNS = List.of(REGISTRY_BENEFICIARY.NIK, REGISTRY_BENEFICIARY.KK_NUMBER,
            REGISTRY_BENEFICIARY.FULL_NAME, REGISTRY_BENEFICIARY.NAME_KEY, REGISTRY_BENEFICIARY.NICKNAME, REGISTRY_BENEFICIARY.SEX,
            REGISTRY_BENEFICIARY.BIRTH_PLACE, REGISTRY_BENEFICIARY.BIRTH_DATE, REGISTRY_BENEFICIARY.KABKOTA_CODE,
            REGISTRY_BENEFICIARY.KECAMATAN_CODE, REGISTRY_BENEFICIARY.DESA_CODE, REGISTRY_BENEFICIARY.RT, REGISTRY_BENEFICIARY.RW,
            REGISTRY_BENEFICIARY.STREET, REGISTRY_BENEFICIARY.PHONE, REGISTRY_BENEFICIARY.MARITAL_STATUS, REGISTRY_BENEFICIARY.EDUCATION,
            REGISTRY_BENEFICIARY.OCCUPATION, REGISTRY_BENEFICIARY.CATEGORY_ID, REGISTRY_BENEFICIARY.REFERRAL_SOURCE,
            REGISTRY_BENEFICIARY.LEGAL_BASIS, REGISTRY_BENEFICIARY.REVIEW_FLAGS, REGISTRY_BENEFICIARY.NOTES_SENSITIVE,
            REGISTRY_BENEFICIARY.CREATED_BY, REGISTRY_BENEFICIARY.CREATED_AT, REGISTRY_BENEFICIARY.UPDATED_AT);

    /** A batch as the service and the commit see it (the row's columns, no jOOQ record). */
    record Stored(long id, String kabkotaCode, String fileName, String sha256, String format, Long bytes, ImportBatch.Status status,
                  Integer totalRows, Integer validRows, Integer warningRows, Integer errorRows, Integer skippedRows,
                  Integer insertedRows, Integer progressRows, String message, String createdBy, LocalDateTime createdAt,
                  LocalDateTime startedAt, LocalDateTime finishedAt, Integer version) {
    }

    private static Stored stored(RegistryImportBatchRecord r) {
        return new Stored(r.getId(), r.getKabkotaCode(), r.getFileName(), r.getFileSha256(), r.getFileFormat().getLiteral(),
                r.getFileBytes(), ImportBatch.Status.valueOf(r.getStatus().getLiteral()), r.getTotalRows(), r.getValidRows(),
                r.getWarningRows(), r.getErrorRows(), r.getSkippedRows(), r.getInsertedRows(), r.getProgressRows(), r.getMessage(),
                r.getCreatedBy(), r.getCreatedAt(), r.getStartedAt(), r.getFinishedAt(), r.getVersion());
    }

    ImportRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, REGISTRY_IMPORT_BATCH, REGISTRY_IMPORT_BATCH.KABKOTA_CODE, REGISTRY_IMPORT_BATCH.ID, RegistryEntity.IMPORT_BATCH);
    }

    long insertBatch(String kabkota, String fileName, String sha256, ImportFile.Format format, long bytes, String by, LocalDateTime at) {
        RegistryImportBatchRecord r = newRecord(kabkota);
        r.setFileName(fileName);
        r.setFileSha256(sha256);
        r.setFileFormat(RegistryImportBatchFileFormat.valueOf(format.name()));
        r.setFileBytes(bytes);
        r.setStatus(RegistryImportBatchStatus.PREVIEWED);
        r.setCreatedBy(by);
        r.setCreatedAt(at);
        r.store();
        return r.getId();
    }

    void counts(long id, ImportCounts c) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_BATCH_CHECKED);
        dsl.update(REGISTRY_IMPORT_BATCH)
                .set(REGISTRY_IMPORT_BATCH.TOTAL_ROWS, c.total()).set(REGISTRY_IMPORT_BATCH.VALID_ROWS, c.valid())
                .set(REGISTRY_IMPORT_BATCH.WARNING_ROWS, c.warnings()).set(REGISTRY_IMPORT_BATCH.ERROR_ROWS, c.errors())
                .set(REGISTRY_IMPORT_BATCH.SKIPPED_ROWS, c.skipped()).set(REGISTRY_IMPORT_BATCH.INSERTED_ROWS, c.inserted())
                .set(REGISTRY_IMPORT_BATCH.VERSION, REGISTRY_IMPORT_BATCH.VERSION.plus(1))
                .where(REGISTRY_IMPORT_BATCH.ID.eq(id)).execute();
    }

    Optional<Stored> find(long id) {
        return findVisible(id).map(ImportRepository::stored);
    }

    List<Stored> history(int limit) {
        return selectVisible(DSL.noCondition()).orderBy(REGISTRY_IMPORT_BATCH.ID.desc()).limit(limit).fetch(ImportRepository::stored);
    }

    /** The latest completed import of a file with this hash that the user can see. */
    Optional<Long> lastDone(String sha256, long exceptId) {
        return selectVisible(REGISTRY_IMPORT_BATCH.FILE_SHA256.eq(sha256).and(REGISTRY_IMPORT_BATCH.ID.ne(exceptId))
                .and(REGISTRY_IMPORT_BATCH.STATUS.eq(RegistryImportBatchStatus.DONE)))
                .orderBy(REGISTRY_IMPORT_BATCH.ID.desc()).limit(1).fetchOptional(REGISTRY_IMPORT_BATCH.ID);
    }

    /** Whether a file with this hash is being imported right now, by anyone. */
    boolean running(String sha256) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_FILE_RUNNING);
        return dsl.fetchExists(REGISTRY_IMPORT_BATCH, REGISTRY_IMPORT_BATCH.FILE_SHA256.eq(sha256)
                .and(REGISTRY_IMPORT_BATCH.STATUS.eq(RegistryImportBatchStatus.RUNNING)));
    }

    /** PREVIEWED → RUNNING against the version the user saw; false when someone else was first. */
    boolean start(long id, int version, LocalDateTime at) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_BATCH_CHECKED);
        return dsl.update(REGISTRY_IMPORT_BATCH)
                .set(REGISTRY_IMPORT_BATCH.STATUS, RegistryImportBatchStatus.RUNNING)
                .set(REGISTRY_IMPORT_BATCH.STARTED_AT, at)
                .set(REGISTRY_IMPORT_BATCH.PROGRESS_ROWS, 0)
                .set(REGISTRY_IMPORT_BATCH.VERSION, REGISTRY_IMPORT_BATCH.VERSION.plus(1))
                .where(REGISTRY_IMPORT_BATCH.ID.eq(id), REGISTRY_IMPORT_BATCH.STATUS.eq(RegistryImportBatchStatus.PREVIEWED),
                        REGISTRY_IMPORT_BATCH.VERSION.eq(version), visible())
                .execute() == 1;
    }

    void progress(long id, int rows) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_BATCH_CHECKED);
        dsl.update(REGISTRY_IMPORT_BATCH).set(REGISTRY_IMPORT_BATCH.PROGRESS_ROWS, rows)
                .where(REGISTRY_IMPORT_BATCH.ID.eq(id), REGISTRY_IMPORT_BATCH.STATUS.eq(RegistryImportBatchStatus.RUNNING)).execute();
    }

    /** RUNNING → DONE (in the import's own transaction) or FAILED; PREVIEWED → DISCARDED. */
    boolean finish(long id, ImportBatch.Status from, ImportBatch.Status to, String message, LocalDateTime at) {
        return finish(id, RegistryImportBatchStatus.valueOf(from.name()), RegistryImportBatchStatus.valueOf(to.name()), message, at);
    }

    private boolean finish(long id, RegistryImportBatchStatus from, RegistryImportBatchStatus to, String message, LocalDateTime at) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_BATCH_CHECKED);
        return dsl.update(REGISTRY_IMPORT_BATCH)
                .set(REGISTRY_IMPORT_BATCH.STATUS, to)
                .set(REGISTRY_IMPORT_BATCH.MESSAGE, message == null ? null : message.length() > 500 ? message.substring(0, 500) : message)
                .set(REGISTRY_IMPORT_BATCH.FINISHED_AT, at)
                .set(REGISTRY_IMPORT_BATCH.VERSION, REGISTRY_IMPORT_BATCH.VERSION.plus(1))
                .where(REGISTRY_IMPORT_BATCH.ID.eq(id), REGISTRY_IMPORT_BATCH.STATUS.eq(from))
                .execute() == 1;
    }

    /**
     * At start-up: batches left RUNNING by a crash or restart become INTERRUPTED. Their rows were
     * in one uncommitted transaction, which the database rolled back, so the register holds none
     * of them. Runs without a user, hence unscoped.
     */
    List<RegistryImportBatchRecord> interrupt(String message, LocalDateTime at) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_RECOVERY);
        List<RegistryImportBatchRecord> running = dsl.selectFrom(REGISTRY_IMPORT_BATCH)
                .where(REGISTRY_IMPORT_BATCH.STATUS.eq(RegistryImportBatchStatus.RUNNING)).forUpdate().fetch();
        for (RegistryImportBatchRecord r : running) {
            finish(r.getId(), RegistryImportBatchStatus.RUNNING, RegistryImportBatchStatus.INTERRUPTED, message, at);
        }
        return running;
    }

    /**
     * Previews created before {@code cutoff} that nobody committed or discarded become DISCARDED,
     * so that their uploaded files (personal data) do not stay on disk. Runs without a user, hence
     * unscoped.
     */
    List<RegistryImportBatchRecord> expirePreviews(LocalDateTime cutoff, String message, LocalDateTime at) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_RECOVERY);
        List<RegistryImportBatchRecord> stale = dsl.selectFrom(REGISTRY_IMPORT_BATCH)
                .where(REGISTRY_IMPORT_BATCH.STATUS.eq(RegistryImportBatchStatus.PREVIEWED), REGISTRY_IMPORT_BATCH.CREATED_AT.lt(cutoff))
                .forUpdate().fetch();
        stale.removeIf(r -> !finish(r.getId(), RegistryImportBatchStatus.PREVIEWED, RegistryImportBatchStatus.DISCARDED, message, at));
        return stale;
    }

    void insertIssues(long batchId, String kabkota, List<ImportIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        var insert = writing(kabkota).insertInto(REGISTRY_IMPORT_ISSUE, REGISTRY_IMPORT_ISSUE.BATCH_ID, REGISTRY_IMPORT_ISSUE.LINE_NO,
                REGISTRY_IMPORT_ISSUE.KABKOTA_CODE, REGISTRY_IMPORT_ISSUE.OUTCOME, REGISTRY_IMPORT_ISSUE.NIK,
                REGISTRY_IMPORT_ISSUE.FULL_NAME, REGISTRY_IMPORT_ISSUE.REASONS);
        for (ImportIssue i : issues) {
            insert = insert.values(batchId, i.line(), kabkota, RegistryImportIssueOutcome.valueOf(i.outcome().name()),
                    cut(NameKey.maskNik(i.nik()), 32), cut(i.fullName(), 150), cut(ImportIssue.encode(i.reasons()), 2000));
        }
        insert.execute();
    }

    void deleteIssues(long batchId) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_BATCH_CHECKED);
        dsl.deleteFrom(REGISTRY_IMPORT_ISSUE).where(REGISTRY_IMPORT_ISSUE.BATCH_ID.eq(batchId)).execute();
    }

    /** Problem rows of a visible batch (the caller has checked it), in file order. */
    List<ImportIssue> issues(long batchId, Collection<ImportIssue.Outcome> outcomes, int limit) {
        return issueQuery(batchId, outcomes).limit(limit).fetch(ImportRepository::issue);
    }

    void forEachIssue(long batchId, Collection<ImportIssue.Outcome> outcomes, Consumer<ImportIssue> consumer) {
        try (Stream<ImportIssue> s = issueQuery(batchId, outcomes).fetchSize(1000).fetchStream().map(ImportRepository::issue)) {
            s.forEach(consumer);
        }
    }

    private org.jooq.SelectLimitStep<org.jooq.Record5<Integer, RegistryImportIssueOutcome, String, String, String>> issueQuery(
            long batchId, Collection<ImportIssue.Outcome> outcomes) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_BATCH_CHECKED);
        return dsl.select(REGISTRY_IMPORT_ISSUE.LINE_NO, REGISTRY_IMPORT_ISSUE.OUTCOME, REGISTRY_IMPORT_ISSUE.NIK,
                        REGISTRY_IMPORT_ISSUE.FULL_NAME, REGISTRY_IMPORT_ISSUE.REASONS)
                .from(REGISTRY_IMPORT_ISSUE)
                .where(REGISTRY_IMPORT_ISSUE.BATCH_ID.eq(batchId))
                .and(REGISTRY_IMPORT_ISSUE.OUTCOME.in(outcomes.stream().map(o -> RegistryImportIssueOutcome.valueOf(o.name())).toList()))
                .orderBy(REGISTRY_IMPORT_ISSUE.LINE_NO);
    }

    private static ImportIssue issue(org.jooq.Record5<Integer, RegistryImportIssueOutcome, String, String, String> r) {
        return new ImportIssue(r.value1(), ImportIssue.Outcome.valueOf(r.value2().getLiteral()), NameKey.maskNik(r.value3()), r.value4(),
                ImportIssue.decode(r.value5()));
    }

    /**
     * The district of each of these NIKs that is registered, whoever may see it: like
     * {@code BeneficiaryRepository.districtOfNik} (beneficiary package), for the pass to tell the user's own district from
     * another one; the user is never told which other district (the row is skipped, the match audited as a hash).
     */
    Map<String, String> districtsOfNiks(Collection<String> niks) {
        DSLContext dsl = unscoped(UnscopedReason.NIK_REGISTERED_ELSEWHERE);
        if (niks.isEmpty()) {
            return Map.of();
        }
        Map<String, String> m = new HashMap<>();
        dsl.select(REGISTRY_BENEFICIARY.NIK, REGISTRY_BENEFICIARY.KABKOTA_CODE).from(REGISTRY_BENEFICIARY)
                .where(REGISTRY_BENEFICIARY.NIK.in(niks)).fetch().forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    /** InnoDB gives a LOAD DATA consecutive ids only in lock modes 0 and 1 (1 is MariaDB's default). */
    int autoIncrementLockMode() {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_LOAD);
        Integer mode = dsl.fetchValue(DSL.field("@@innodb_autoinc_lock_mode", Integer.class));
        return mode == null ? 1 : mode;
    }

    /**
     * Loads {@code rows} beneficiaries from tab-separated lines (columns {@link #LOADED_COLUMNS})
     * and returns the id of the first. The ids of one LOAD DATA are consecutive in file order
     * (InnoDB holds the table's AUTO-INC lock for the statement); this is verified through the
     * first and last NIK, so the name tokens can be given their ids by line number.
     */
    long loadBeneficiaries(InputStream tsv, int rows, String firstNik, String lastNik) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_LOAD);
        String columns = LOADED_COLUMNS.stream().map(f -> dsl.render(DSL.name(f.getName()))).collect(Collectors.joining(", "));
        loadData(tsv, "LOAD DATA LOCAL INFILE 'beneficiaries.tsv' INTO TABLE "
                + dsl.render(REGISTRY_BENEFICIARY) + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' "
                + "LINES TERMINATED BY '\\n' (" + columns + ")", rows);
        Map<String, Long> ids = dsl.select(REGISTRY_BENEFICIARY.NIK, REGISTRY_BENEFICIARY.ID).from(REGISTRY_BENEFICIARY)
                .where(REGISTRY_BENEFICIARY.NIK.in(firstNik, lastNik)).fetchMap(REGISTRY_BENEFICIARY.NIK, REGISTRY_BENEFICIARY.ID);
        Long first = ids.get(firstNik);
        Long last = ids.get(lastNik);
        if (first == null || last == null || last - first + 1 != rows
                || dsl.fetchCount(REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.ID.between(first, last)) != rows) {
            throw new IllegalStateException("The ids of a loaded chunk are not consecutive (innodb_autoinc_lock_mode 2?)");
        }
        return first;
    }

    /**
     * The scorecards' counts of loaded rows, per kecamatan and month of registration (WIB): what
     * V045's trigger would have added row by row (an imported record is REGISTERED).
     */
    List<FigureCounts.Delta> figureDeltas(long firstId, long lastId) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_LOAD);
        var b = REGISTRY_BENEFICIARY;
        Field<LocalDate> month = DSL.field("CAST(DATE_FORMAT({0} + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE)", LocalDate.class, b.CREATED_AT);
        return dsl.select(b.KABKOTA_CODE, b.KECAMATAN_CODE, month, DSL.count())
                .from(b).where(b.ID.between(firstId, lastId), b.STATUS.eq(RegistryBeneficiaryStatus.REGISTERED))
                .groupBy(b.KABKOTA_CODE, b.KECAMATAN_CODE, month)
                .fetch(r -> new FigureCounts.Delta(Figure.REGISTERED, r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Loads name tokens from lines "line-in-chunk TAB kabkota TAB token"; the id is the chunk's first id plus the line. */
    void loadTokens(InputStream tsv, int rows, long firstId) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_LOAD);
        loadData(tsv, "LOAD DATA LOCAL INFILE 'tokens.tsv' INTO TABLE "
                + dsl.render(REGISTRY_NAME_TOKEN) + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' "
                + "LINES TERMINATED BY '\\n' (@n, " + dsl.render(DSL.name(REGISTRY_NAME_TOKEN.KABKOTA_CODE.getName())) + ", "
                + dsl.render(DSL.name(REGISTRY_NAME_TOKEN.TOKEN.getName())) + ") SET "
                + dsl.render(DSL.name(REGISTRY_NAME_TOKEN.BENEFICIARY_ID.getName())) + " = @n + " + firstId, rows);
    }

    /**
     * Queues possible duplicates of the loaded rows exactly as a registration does: each new record
     * against every earlier record with the same normalised name and birth date.
     */
    private static final String SIMILAR_INDEX = "ix_registry_beneficiary_name_all"; // (name_key, birth_date, id)

    int openDuplicates(long firstId, long lastId) {
        DSLContext dsl = unscoped(UnscopedReason.DUPLICATE_CANDIDATES);
        var n = REGISTRY_BENEFICIARY.as("n");
        var o = REGISTRY_BENEFICIARY.as("o");
        return dsl.insertInto(REGISTRY_DUPLICATE, REGISTRY_DUPLICATE.BENEFICIARY_ID, REGISTRY_DUPLICATE.OTHER_ID,
                        REGISTRY_DUPLICATE.KABKOTA_CODE, REGISTRY_DUPLICATE.REASON)
                .select(DSL.select(n.ID, o.ID, n.KABKOTA_CODE, DSL.inline("NAME_BIRTHDATE"))
                        // the new rows drive, each looked up in the similarity index: on a table that was
                        // empty when its statistics were taken, the optimiser otherwise scans (16 s for
                        // the first 20,000 generated rows instead of 0.1 s)
                        .from(n).straightJoin(o.useIndex(SIMILAR_INDEX)).on(o.NAME_KEY.eq(n.NAME_KEY), o.BIRTH_DATE.eq(n.BIRTH_DATE), o.ID.lt(n.ID))
                        .where(n.ID.between(firstId, lastId)))
                .onDuplicateKeyIgnore()
                .execute();
    }

    private void loadData(InputStream in, String sql, int expected) {
        DSLContext dsl = unscoped(UnscopedReason.IMPORT_LOAD);
        dsl.connection(c -> {
            try (Statement s = c.createStatement()) {
                s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(in);
                int loaded = s.executeUpdate(sql);
                if (loaded != expected) {
                    throw new IllegalStateException("LOAD DATA stored " + loaded + " of " + expected + " rows");
                }
            }
        });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
