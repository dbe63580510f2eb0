package id.berdaya.registry;

import id.berdaya.core.audit.AuditLog;
import id.berdaya.db.tables.records.RegistryImportBatchRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * At start-up, imports left RUNNING by a crash or restart are marked INTERRUPTED (and audited).
 * A commit is one transaction, so the database has already rolled back whatever it had loaded:
 * the register holds none of its rows, and the same file can simply be imported again.
 */
@Component
class ImportRecovery {

    static final String MESSAGE = "import.interrupted";
    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);
    private final ImportRepository imports;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path directory;

    ImportRecovery(ImportRepository imports, AuditLog audit, TransactionTemplate tx, Clock clock,
                   @Value("${berdaya.home:${user.home}/.berdaya}") String home) {
        this.imports = imports;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.directory = Path.of(home, "imports");
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        interruptLeftovers();
    }

    /** Marks every RUNNING batch INTERRUPTED; returns how many there were. */
    int interruptLeftovers() {
        List<RegistryImportBatchRecord> interrupted = tx.execute(s -> {
            List<RegistryImportBatchRecord> batches = imports.interrupt(MESSAGE, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            for (RegistryImportBatchRecord b : batches) {
                audit.record(RegistryAction.IMPORT_INTERRUPTED, ImportRepository.ENTITY, b.getId(), b.getKabkotaCode(), null,
                        Map.of("file", b.getFileName(), "sha256", b.getFileSha256(), "startedBy", b.getCreatedBy()));
            }
            return batches;
        });
        for (RegistryImportBatchRecord b : interrupted) {
            log.warn("Import batch {} ({}) was interrupted by a restart; none of its rows were kept", b.getId(), b.getFileName());
            try {
                Files.deleteIfExists(directory.resolve("batch-" + b.getId()));
            } catch (IOException e) {
                log.warn("Could not delete the file of batch {}: {}", b.getId(), e.toString());
            }
        }
        return interrupted.size();
    }
}
