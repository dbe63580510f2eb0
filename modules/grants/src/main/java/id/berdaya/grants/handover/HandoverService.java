package id.berdaya.grants.handover;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.file.FileContent;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.core.security.PublicCheckLimiter;
import id.berdaya.core.security.PublicCode;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.GrantsRoles;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalAction;
import id.berdaya.grants.proposal.ProposalItem;
import id.berdaya.grants.proposal.ProposalService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Handovers (serah terima) of province-approved proposals: the Berita Acara Serah Terima (BAST),
 * numbered per kabupaten/kota and year ({@code 027/BAST-STIM/3303/2026}, the number taken under the
 * lock of the district's counter row, {@link HandoverNumberRepository}), with the goods actually handed over, sealed with a SHA-256 over its content and printed
 * as PDF with a QR code to its public check. Recording one moves the proposal to handed over. The
 * district operator or field officer of the proposal's district records it.
 */
@Service
@Transactional
public class HandoverService {

    /** The largest signed scan accepted. */
    public static final int MAX_SCAN_BYTES = 10 * 1024 * 1024;
    /** The most handovers one {@link #handovers} call returns. */
    public static final int LIST_LIMIT = 5000;

    private final HandoverRepository handovers;
    private final HandoverItemRepository items;
    private final HandoverScanRepository scans;
    private final HandoverNumberRepository numbers;
    private final ProposalService proposals;
    private final RegionService regions;
    private final HandoverPdf pdf;
    private final PublicCheckLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    HandoverService(HandoverRepository handovers, HandoverItemRepository items, HandoverScanRepository scans,
                    HandoverNumberRepository numbers, ProposalService proposals, RegionService regions,
                    HandoverPdf pdf, PublicCheckLimiter limiter, AuditLog audit, Clock clock,
                    ApplicationEventPublisher events) {
        this.handovers = handovers;
        this.items = items;
        this.scans = scans;
        this.numbers = numbers;
        this.proposals = proposals;
        this.regions = regions;
        this.pdf = pdf;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records the handover of a province-approved proposal of the user's district and moves the
     * proposal to handed over. Every approved item needs a line; a quantity that differs from the
     * approved one needs a reason.
     */
    @PreAuthorize(GrantsRoles.HANDOVER_RECORDERS)
    public Handover record(NewHandover n) {
        Proposal p = proposals.get(n.proposalId()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!proposals.allowedActions(p).contains(ProposalAction.HAND_OVER)) {
            throw new RuleViolation(null, "grants.handover.notAllowed");
        }
        List<HandoverItem> goods = check(n, proposals.items(p.id()));
        String kabkota = p.kabkotaCode();
        int year = n.handedOn().getYear();
        int seq = numbers.next(kabkota, year);
        String number = "%03d/BAST-STIM/%s/%d".formatted(seq, kabkota.replace(".", ""), year);
        String issuer = regions.kabkota(kabkota).map(Kabkota::displayName).orElse(kabkota);
        Handover draft = new Handover(0, p.id(), kabkota, issuer, number, PublicCode.next(), "", n.handedOn(), n.place().trim(),
                n.giverName().trim(), n.giverPosition().trim(), n.giverOffice().trim(), p.beneficiaryName(), n.witnessName().trim(),
                n.witnessPosition().trim(), CurrentUser.require().getUsername(), clock.instant(), goods);
        Handover h = withId(draft, 0, draft.computeSeal());
        long id;
        try {
            id = handovers.insert(h, year, seq);
        } catch (DuplicateKeyException dup) {
            throw RuleViolation.concurrentChange();
        }
        items.insert(id, kabkota, goods);
        proposals.markHandedOver(p.id(), n.proposalVersion());
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_RECORDED).entity(GrantsEntity.GRANTS_HANDOVER, id)
                .district(kabkota).after(Map.of("number", number, "proposal", p.id(), "seal", h.seal())));
        events.publishEvent(new HandoverRecorded(id, p.id(), p.beneficiaryId(), kabkota, n.handedOn(), goods));
        return withId(h, id, h.seal());
    }

    /** The handover of a visible proposal, if recorded. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Handover> ofProposal(long proposalId) {
        return handovers.ofProposal(proposalId).map(this::withItems);
    }

    /** A visible handover by id. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Handover> get(long id) {
        return handovers.find(id).map(this::withItems);
    }

    /**
     * Which handovers happened within the user's scope, and when: those dated {@code from} to
     * {@code to} (inclusive), by date (at most {@link #LIST_LIMIT}). Monitoring asks this.
     */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<Handover> handovers(LocalDate from, LocalDate to) {
        return handovers.between(from, to, LIST_LIMIT).stream().map(this::withItems).toList();
    }

    /** The BAST of a visible handover as PDF; each print is audited. */
    @PreAuthorize(GrantsRoles.READERS)
    public byte[] pdf(long handoverId) {
        Handover h = get(handoverId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_PRINTED).entity(GrantsEntity.GRANTS_HANDOVER, h.id())
                .district(h.kabkotaCode()).after(Map.of("number", h.number())));
        return pdf.render(h);
    }

    // ---- the signed scan

    /** Whether the current user may upload a signed scan of handover records (the district's operator or field officer). */
    @PreAuthorize(GrantsRoles.READERS)
    public boolean mayUploadScan() {
        return Guards.allows(GrantsRoles.HANDOVER_RECORDERS);
    }

    /** Stores the signed scan of a visible handover record beside its generated PDF, after checking its size and its real type (PDF, JPEG, PNG). */
    @PreAuthorize(GrantsRoles.HANDOVER_RECORDERS)
    public HandoverScan uploadScan(long handoverId, String fileName, byte[] content) {
        Handover h = handovers.find(handoverId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (content == null || content.length == 0) {
            throw new RuleViolation("file", "grants.handover.scanEmpty");
        }
        if (content.length > MAX_SCAN_BYTES) {
            throw new RuleViolation("file", "grants.handover.scanTooLarge", MAX_SCAN_BYTES / (1024 * 1024));
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
    public List<HandoverScan> scans(long handoverId) {
        return scans.ofHandover(handoverId);
    }

    /** A signed scan's content; each download is audited. Another district's is "not found". */
    @PreAuthorize(GrantsRoles.READERS)
    public HandoverScan.File downloadScan(long scanId) {
        HandoverScanRepository.Stored s = scans.find(scanId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_SCAN_DOWNLOADED).entity(GrantsEntity.GRANTS_HANDOVER, s.handoverId())
                .district(s.kabkota()).after(Map.of("scan", scanId, "sha256", s.sha256())));
        return s.file();
    }

    /** The address a handover's QR code points to. */
    @PreAuthorize(GrantsRoles.READERS)
    public String verificationUrl(String code) {
        return pdf.verificationUrl(code);
    }

    /**
     * The public check of a handover by its code (no login): empty for an unknown code. Refused with
     * {@code grants.verify.tooMany} when this client address asked too often (shared with the
     * certificate check).
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<HandoverCheck> verify(String code, String clientAddress) {
        if (!limiter.allow(clientAddress)) {
            throw new RuleViolation(null, "grants.verify.tooMany");
        }
        if (!PublicCode.wellFormed(code)) {
            return Optional.empty();
        }
        return handovers.check(code);
    }

    /**
     * The public check of a file against a handover record (no login): whether it is, byte for
     * byte, a signed scan kept for the record with this code (by SHA-256; the file itself is not
     * kept). Empty for an unknown code; counted against the client address like {@link #verify}.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Boolean> fileMatches(String code, byte[] content, String clientAddress) {
        if (verify(code, clientAddress).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(content != null && content.length > 0 && handovers.scanMatches(code, FileContent.sha256(content)));
    }

    // ---- helpers

    /** The goods: each approved item with its handed quantity; refused for a missing or unknown line or an unexplained difference. */
    private static List<HandoverItem> check(NewHandover n, List<ProposalItem> approved) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (n.handedOn() == null) {
            problems.add(new RuleViolation.Problem("handedOn", "grants.handover.dateRequired"));
        }
        requireText(problems, "place", n.place());
        requireText(problems, "giverName", n.giverName());
        requireText(problems, "giverPosition", n.giverPosition());
        requireText(problems, "giverOffice", n.giverOffice());
        requireText(problems, "witnessName", n.witnessName());
        requireText(problems, "witnessPosition", n.witnessPosition());
        Map<Long, NewHandover.Line> lines = new HashMap<>();
        for (NewHandover.Line l : n.lines() == null ? List.<NewHandover.Line>of() : n.lines()) {
            lines.put(l.catalogueItemId(), l);
        }
        List<HandoverItem> goods = new ArrayList<>();
        boolean linesMatch = lines.size() == approved.size();
        for (ProposalItem a : approved) {
            NewHandover.Line l = lines.get(a.catalogueItemId());
            if (l == null || l.quantity() < 0) {
                linesMatch = false;
                continue;
            }
            String reason = l.reason() == null || l.reason().isBlank() ? null : l.reason().trim();
            if (l.quantity() != a.quantity() && (reason == null || reason.length() < 5)) {
                problems.add(new RuleViolation.Problem("lines", "grants.handover.reasonRequired", a.name()));
            }
            goods.add(new HandoverItem(a.catalogueItemId(), a.name(), a.unit().name().toLowerCase(Locale.ROOT), a.quantity(),
                    l.quantity(), l.quantity() == a.quantity() ? null : reason));
        }
        if (!linesMatch) {
            problems.add(new RuleViolation.Problem("lines", "grants.handover.lines"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        return goods;
    }

    private static void requireText(List<RuleViolation.Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new RuleViolation.Problem(field, "grants.handover.required"));
        } else if (value.trim().length() > 150) {
            problems.add(new RuleViolation.Problem(field, "grants.handover.tooLong"));
        }
    }

    /** The record with its goods. */
    private Handover withItems(Handover h) {
        return new Handover(h.id(), h.proposalId(), h.kabkotaCode(), h.issuerName(), h.number(), h.code(), h.seal(), h.handedOn(),
                h.place(), h.giverName(), h.giverPosition(), h.giverOffice(), h.receiverName(), h.witnessName(),
                h.witnessPosition(), h.recordedBy(), h.recordedAt(), items.ofHandover(h.id()));
    }

    private static Handover withId(Handover h, long id, String seal) {
        return new Handover(id, h.proposalId(), h.kabkotaCode(), h.issuerName(), h.number(), h.code(), seal, h.handedOn(),
                h.place(), h.giverName(), h.giverPosition(), h.giverOffice(), h.receiverName(), h.witnessName(),
                h.witnessPosition(), h.recordedBy(), h.recordedAt(), h.items());
    }
}
