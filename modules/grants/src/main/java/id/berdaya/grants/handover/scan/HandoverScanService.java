package id.berdaya.grants.handover.scan;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.file.FileContent;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.GrantsRoles;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The signed scans of handover records (BAST), kept beside the generated PDF: PDF, JPEG or PNG by
 * their content (core {@link FileContent}), at most {@link HandoverService#MAX_SCAN_BYTES}, stored
 * once in the record's district ({@code grants_handover_scan}), every upload and download audited.
 * The record is found through {@link HandoverService}, so another district's is "not found". The
 * public check of a file against a record stays with the record's check ({@link HandoverService#fileMatches}).
 */
@Service
@Transactional
public class HandoverScanService {

    private final HandoverService handovers;
    private final HandoverScanRepository scans;
    private final AuditLog audit;
    private final Clock clock;

    HandoverScanService(HandoverService handovers, HandoverScanRepository scans, AuditLog audit, Clock clock) {
        this.handovers = handovers;
        this.scans = scans;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the current user may upload a signed scan of handover records (the district's operator or field officer). */
    @PreAuthorize(GrantsRoles.READERS)
    public boolean mayUpload() {
        return Guards.allows(GrantsRoles.HANDOVER_RECORDERS);
    }

    /** Stores the signed scan of a visible handover record beside its generated PDF, after checking its size and its real type (PDF, JPEG, PNG). */
    @PreAuthorize(GrantsRoles.HANDOVER_RECORDERS)
    public HandoverScan upload(long handoverId, String fileName, byte[] content) {
        Handover h = handovers.get(handoverId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (content == null || content.length == 0) {
            throw new RuleViolation("file", "grants.handover.scanEmpty");
        }
        if (content.length > HandoverService.MAX_SCAN_BYTES) {
            throw new RuleViolation("file", "grants.handover.scanTooLarge", HandoverService.MAX_SCAN_BYTES / (1024 * 1024));
        }
        String type = FileContent.sniff(content);
        if (type == null) {
            throw new RuleViolation("file", "grants.handover.scanWrongType");
        }
        String name = FileContent.safeName(fileName, "bast-" + h.number().replace('/', '-')) + FileContent.extension(type);
        HandoverScan s = new HandoverScan(0, h.id(), name, type, content.length, FileContent.sha256(content),
                CurrentUser.require().getUsername(), clock.instant());
        long id = scans.insert(s, h.kabkotaCode(), content);
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_SCAN_UPLOADED).entity(GrantsEntity.GRANTS_HANDOVER, h.id())
                .district(h.kabkotaCode()).after(Map.of("scan", id, "type", type, "sha256", s.sha256(), "bytes", content.length)));
        return new HandoverScan(id, s.handoverId(), s.fileName(), s.contentType(), s.sizeBytes(), s.sha256(), s.uploadedBy(),
                s.uploadedAt());
    }

    /** The signed scans of a visible handover record, newest first. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<HandoverScan> of(long handoverId) {
        return scans.ofHandover(handoverId);
    }

    /** A signed scan's content; each download is audited. Another district's is "not found". */
    @PreAuthorize(GrantsRoles.READERS)
    public HandoverScan.File download(long scanId) {
        HandoverScanRepository.Stored s = scans.find(scanId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_SCAN_DOWNLOADED).entity(GrantsEntity.GRANTS_HANDOVER, s.handoverId())
                .district(s.kabkota()).after(Map.of("scan", scanId, "sha256", s.sha256())));
        return s.file();
    }
}
