package id.berdaya.training.signin;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.file.FileContent;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import id.berdaya.training.TrainingAction;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.TrainingRoles;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The signed sign-in sheets (daftar hadir) of a session, scanned: uploaded by whoever marks the
 * session's attendance while the event runs or after it is closed, as PDF, JPEG or PNG decided by
 * the content, at most {@link #MAX_BYTES}, with a checksum; read by whoever may read the session
 * (a PARTNER only at its agency's sessions). Uploads and downloads are audited.
 */
@Service
@Transactional
public class SignedSheetService {

    /** The largest scan accepted. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final EventService events;
    private final SignedSheetRepository sheets;
    private final AuditLog audit;
    private final Clock clock;

    SignedSheetService(EventService events, SignedSheetRepository sheets, AuditLog audit, Clock clock) {
        this.events = events;
        this.sheets = sheets;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the current user may upload a signed sheet of this session now. */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public boolean mayUpload(long sessionId) {
        return CurrentUser.require().role() != Role.PROVINCE_ADMIN && events.session(sessionId)
                .flatMap(s -> events.get(s.eventId())).map(e -> uploadable(e.status())).orElse(false);
    }

    /** Stores a signed sheet of a session after checking its size and its real type. */
    @PreAuthorize(TrainingRoles.ATTENDANCE)
    public SignedSheet upload(long sessionId, String fileName, byte[] content) {
        TrainingSession s = events.session(sessionId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        TrainingEvent e = events.get(s.eventId()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!uploadable(e.status())) {
            throw new RuleViolation("file", "training.signedSheet.notNow");
        }
        if (content == null || content.length == 0) {
            throw new RuleViolation("file", "training.signedSheet.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation("file", "training.signedSheet.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String type = FileContent.sniff(content);
        if (type == null) {
            throw new RuleViolation("file", "training.signedSheet.wrongType");
        }
        String name = FileContent.safeName(fileName, "daftar-hadir-" + sessionId) + FileContent.extension(type);
        String sha256 = FileContent.sha256(content);
        String by = CurrentUser.require().getUsername();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long id = sheets.insert(sessionId, e.kabkotaCode(), name, type, content, sha256, by, now);
        audit.record(AuditEvent.of(TrainingAction.TRAINING_SIGNED_SHEET_UPLOADED).entity(TrainingEntity.TRAINING_SESSION, sessionId)
                .district(e.kabkotaCode()).after(Map.of("sheet", id, "type", type, "sha256", sha256, "bytes", content.length)));
        return new SignedSheet(id, sessionId, name, type, content.length, sha256, by, now.toInstant(ZoneOffset.UTC));
    }

    /** The session's signed sheets, newest first (empty for a session the user may not read). */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public List<SignedSheet> list(long sessionId) {
        return events.session(sessionId).isEmpty() ? List.of() : sheets.ofSession(sessionId);
    }

    /** A signed sheet's content; each download is audited. One of a session the user may not read is "not found". */
    @PreAuthorize(TrainingRoles.READERS)
    public SignedSheetFile download(long sheetId) {
        var stored = sheets.find(sheetId).filter(x -> events.session(x.sessionId()).isPresent())
                .orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        audit.record(AuditEvent.of(TrainingAction.TRAINING_SIGNED_SHEET_DOWNLOADED).entity(TrainingEntity.TRAINING_SESSION, stored.sessionId())
                .district(stored.kabkota()).after(Map.of("sheet", sheetId, "sha256", stored.sha256())));
        return stored.file();
    }

    private static boolean uploadable(EventStatus status) {
        return status == EventStatus.RUNNING || status == EventStatus.CLOSED;
    }
}
