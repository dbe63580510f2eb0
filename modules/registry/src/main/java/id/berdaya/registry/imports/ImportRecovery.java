package id.berdaya.registry.imports;

import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.RegistryAction;

import id.berdaya.core.audit.AuditLog;
import id.berdaya.db.tables.records.RegistryImportBatchRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Housekeeping of imports, without a user. At start-up, imports left RUNNING by a crash or
 * restart are marked INTERRUPTED: a commit is one transaction, so the database has already rolled
 * back whatever it had loaded, the register holds none of its rows, and the same file can simply
 * be imported again. At start-up and every hour, previews older than
 * {@code berdaya.import.preview-lifetime} (24 hours) that nobody committed or discarded are
 * discarded, so that the uploaded file, full of personal data, does not stay on disk. Both are
 * audited, one event per batch.
 */
@Component
class ImportRecovery {

    static final String INTERRUPTED = "import.interrupted";
    static final String EXPIRED = "import.expired";
    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);
    private final ImportRepository imports;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path directory;
    private final Duration previewLifetime;

    ImportRecovery(ImportRepository imports, AuditLog audit, TransactionTemplate tx, Clock clock,
                   @Value("${berdaya.home:${user.home}/.berdaya}") String home,
                   @Value("${berdaya.import.preview-lifetime:PT24H}") Duration previewLifetime) {
        this.imports = imports;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.directory = Path.of(home, "imports");
        this.previewLifetime = previewLifetime;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        interruptLeftovers();
        expirePreviews(previewLifetime);
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void hourly() {
        expirePreviews(previewLifetime);
    }

    /** Marks every RUNNING batch INTERRUPTED; returns how many there were. */
    int interruptLeftovers() {
        List<RegistryImportBatchRecord> interrupted = tx.execute(s -> audited(RegistryAction.IMPORT_INTERRUPTED, INTERRUPTED,
                imports.interrupt(INTERRUPTED, now())));
        for (RegistryImportBatchRecord b : interrupted) {
            log.warn("Import batch {} ({}) was interrupted by a restart; none of its rows were kept", b.getId(), b.getFileName());
        }
        deleteFiles(interrupted);
        return interrupted.size();
    }

    /** Discards previews older than {@code lifetime} and deletes their files; returns how many there were. */
    int expirePreviews(Duration lifetime) {
        LocalDateTime now = now();
        List<RegistryImportBatchRecord> expired = tx.execute(s -> audited(RegistryAction.IMPORT_DISCARDED, EXPIRED,
                imports.expirePreviews(now.minus(lifetime), EXPIRED, now)));
        if (!expired.isEmpty()) {
            log.info("Discarded {} import preview(s) older than {} that were never committed", expired.size(), lifetime);
        }
        deleteFiles(expired);
        return expired.size();
    }

    private List<RegistryImportBatchRecord> audited(RegistryAction action, String reason, List<RegistryImportBatchRecord> batches) {
        for (RegistryImportBatchRecord b : batches) {
            audit.record(AuditEvent.of(action).entity(RegistryEntity.IMPORT_BATCH, b.getId())
                    .district(b.getKabkotaCode())
                    .after(Map.of("file", b.getFileName(), "sha256", b.getFileSha256(), "startedBy", b.getCreatedBy(), "reason", reason)));
        }
        return batches;
    }

    private void deleteFiles(List<RegistryImportBatchRecord> batches) {
        for (RegistryImportBatchRecord b : batches) {
            try {
                Files.deleteIfExists(directory.resolve("batch-" + b.getId()));
            } catch (IOException e) {
                log.warn("Could not delete the file of batch {}: {}", b.getId(), e.toString());
            }
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
