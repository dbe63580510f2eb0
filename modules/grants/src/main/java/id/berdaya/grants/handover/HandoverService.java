package id.berdaya.grants.handover;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.file.FileContent;
import id.berdaya.core.file.Photos;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.core.security.PublicCheckLimiter;
import id.berdaya.core.security.PublicCode;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.GrantsRoles;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalAction;
import id.berdaya.grants.proposal.ProposalService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handovers (serah terima) of province-approved proposals: the Berita Acara Serah Terima (BAST),
 * numbered per kabupaten/kota and year ({@code 027/BAST-STIM/3303/2026}, the number taken under the
 * lock of the district's counter row, {@link HandoverNumberRepository}), with the goods actually
 * handed over and one to three photos (stripped of all metadata), sealed with a SHA-256 over its
 * content and the photos' hashes and printed as PDF with a QR code to its public check. Recording one
 * moves the proposal to handed over. The district operator or field officer of the proposal's
 * district records it, alone or in a group ({@link #recordGroup}); the district head may void it.
 *
 * <p>A group handover's photos (a group photo, typically) belong to the group, not copied into each
 * record: they are stored once ({@code grants_handover_photo.group_id}), shown with every record of
 * the group and sealed into each. That keeps one upload for one event and no duplicate bytes; a
 * record of a group has no photos of its own. A person whose goods differ from the approved
 * quantities is handed over on their own (the group takes the approved quantities).
 *
 * <p>The signed scans beside the PDF are {@code handover.scan}'s ({@code HandoverScanService}); the
 * public check of a file against them stays here with the record's check ({@link #fileMatches}).
 */
@Service
@Transactional
public class HandoverService {

    /** The largest signed scan accepted ({@code HandoverScanService}, and the public check of a file). */
    public static final int MAX_SCAN_BYTES = 10 * 1024 * 1024;
    /** The largest photo accepted (before it is re-encoded). */
    public static final int MAX_PHOTO_BYTES = 8 * 1024 * 1024;
    /** The most photos of a handover (at least one is required). */
    public static final int MAX_PHOTOS = 3;
    /** The most proposals of one group handover. */
    public static final int MAX_GROUP = 50;
    /** The most handovers one {@link #handovers} call returns. */
    public static final int LIST_LIMIT = 5000;

    private final HandoverRepository handovers;
    private final HandoverItemRepository items;
    private final HandoverPhotoRepository photos;
    private final HandoverWriter writer;
    private final ProposalService proposals;
    private final HandoverPdf pdf;
    private final PublicCheckLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    HandoverService(HandoverRepository handovers, HandoverItemRepository items, HandoverPhotoRepository photos,
                    HandoverWriter writer, ProposalService proposals, HandoverPdf pdf, PublicCheckLimiter limiter,
                    AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.handovers = handovers;
        this.items = items;
        this.photos = photos;
        this.writer = writer;
        this.proposals = proposals;
        this.pdf = pdf;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records the handover of a province-approved proposal of the user's district and moves the
     * proposal to handed over. Every approved item needs a line; a quantity that differs from the
     * approved one needs a reason; one to three photos (JPEG/PNG) are required, stored without any
     * metadata (their capture time beside them, their position only with {@code keepPhotoPosition}).
     */
    @PreAuthorize(GrantsRoles.HANDOVER_RECORDERS)
    public Handover record(NewHandover n) {
        Proposal p = proposals.get(n.proposalId()).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!proposals.allowedActions(p).contains(ProposalAction.HAND_OVER)) {
            throw new RuleViolation(null, "grants.handover.notAllowed");
        }
        List<RuleViolation.Problem> problems = new ArrayList<>();
        HandoverWriter.checkTerms(problems, n.handedOn(), n.place(), n.giverName(), n.giverPosition(), n.giverOffice(), n.witnessName(),
                n.witnessPosition(), n.position(), n.photos() == null ? 0 : n.photos().size());
        List<HandoverItem> goods = HandoverWriter.goods(problems, n.lines(), proposals.items(p.id()));
        List<HandoverWriter.Cleaned> cleaned = HandoverWriter.clean(problems, n.photos(), n.keepPhotoPosition());
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        return withItems(writer.write(p, n, goods, null, cleaned, List.of()));
    }

    /**
     * Checks one photo as {@link #record} will (JPEG or PNG by content, decodable, at most
     * {@link #MAX_PHOTO_BYTES}), so a form can refuse it at once; nothing is stored.
     */
    @PreAuthorize(GrantsRoles.HANDOVER_RECORDERS)
    public void checkPhoto(byte[] content) {
        Photos.clean(content, MAX_PHOTO_BYTES, "photos");
    }

    /**
     * Records a group handover in one transaction, all or nothing: one BAST per proposal (numbered
     * one after the other), linked by the group, with the shared terms entered once, the approved
     * quantities as the goods, and the group's photos (stored once, for the group, and sealed into
     * each record). When any proposal may not be handed over (not found, not approved by the
     * province, another district, changed meanwhile), nothing is recorded and the outcome names each
     * and why. The terms or a photo refused are a {@link RuleViolation} as for {@link #record}.
     */
    @PreAuthorize(GrantsRoles.HANDOVER_RECORDERS)
    public NewGroupHandover.Outcome recordGroup(NewGroupHandover g) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        List<NewGroupHandover.Member> members = g.members() == null ? List.of() : g.members();
        if (members.isEmpty() || members.size() > MAX_GROUP
                || members.stream().map(NewGroupHandover.Member::proposalId).distinct().count() != members.size()) {
            problems.add(new RuleViolation.Problem("members", "grants.handover.group.members", MAX_GROUP));
        }
        HandoverWriter.checkTerms(problems, g.handedOn(), g.place(), g.giverName(), g.giverPosition(), g.giverOffice(), g.witnessName(),
                g.witnessPosition(), g.position(), g.photos() == null ? 0 : g.photos().size());
        List<HandoverWriter.Cleaned> cleaned = HandoverWriter.clean(problems, g.photos(), g.keepPhotoPosition());
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        List<NewGroupHandover.Failure> failures = new ArrayList<>();
        List<Proposal> found = new ArrayList<>();
        for (NewGroupHandover.Member m : members) {
            Proposal p = proposals.get(m.proposalId()).orElse(null);
            String key = p == null ? "error.notFound"
                    : !proposals.allowedActions(p).contains(ProposalAction.HAND_OVER) ? "grants.handover.notAllowed"
                    : p.version() != m.proposalVersion() ? "error.concurrentChange"
                    : !found.isEmpty() && !found.getFirst().kabkotaCode().equals(p.kabkotaCode()) ? "grants.handover.group.otherDistrict"
                    : null;
            if (key != null) {
                failures.add(new NewGroupHandover.Failure(m.proposalId(), p == null ? null : p.beneficiaryName(), key));
            } else {
                found.add(p);
            }
        }
        if (!failures.isEmpty()) {
            return new NewGroupHandover.Outcome(List.of(), failures);
        }
        List<Handover> recorded = writer.writeGroup(found, g, cleaned).stream().map(this::withItems).toList();
        return new NewGroupHandover.Outcome(recorded, List.of());
    }

    /** Whether the current user may record a group handover (the district's operator or field officer). */
    @PreAuthorize(GrantsRoles.READERS)
    public boolean mayRecordGroup() {
        return Guards.allows(GrantsRoles.HANDOVER_RECORDERS);
    }

    // ---- void

    /** Whether the current user may void this record: the head of its district, while it is in force. */
    @PreAuthorize(GrantsRoles.READERS)
    public boolean mayVoid(Handover h) {
        return h.voided() == null && Guards.allows(GrantsRoles.HANDOVER_VOIDERS)
                && h.kabkotaCode().equals(CurrentUser.require().kabkotaCode());
    }

    /**
     * Voids a visible record with a reason (the district head): it stays, with its number (never
     * reused), and its public check says it is void; the proposal returns to approved by the
     * province, so it may be handed over again. Audited.
     */
    @PreAuthorize(GrantsRoles.HANDOVER_VOIDERS)
    public Handover voidHandover(long id, String reason) {
        Handover h = handovers.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!mayVoid(h)) {
            throw new RuleViolation(null, "grants.handover.voidNotAllowed");
        }
        String why = reason == null ? "" : reason.trim();
        if (why.length() < 10 || why.length() > 300) {
            throw new RuleViolation("reason", "grants.handover.voidReason");
        }
        if (!handovers.markVoided(h, CurrentUser.require().getUsername(), clock.instant(), why)) {
            throw RuleViolation.concurrentChange();
        }
        proposals.reopenAfterVoid(h.proposalId(), why);
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_VOIDED).entity(GrantsEntity.GRANTS_HANDOVER, h.id())
                .district(h.kabkotaCode()).before(Map.of("number", h.number(), "seal", h.seal())).after(Map.of("reason", why)));
        events.publishEvent(new HandoverVoided(h.id(), h.proposalId(), h.kabkotaCode()));
        return get(id).orElseThrow();
    }

    /** The voided records of a visible proposal, oldest first. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<Handover> voidedOfProposal(long proposalId) {
        return handovers.voidedOfProposal(proposalId).stream().map(this::withItems).toList();
    }

    // ---- photos

    /** A photo of a visible record, for display; each view is audited. Another district's is "not found". */
    @PreAuthorize(GrantsRoles.READERS)
    public HandoverPhoto.File photo(long photoId) {
        HandoverPhotoRepository.Stored s = photos.find(photoId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_PHOTO_VIEWED).entity(GrantsEntity.GRANTS_HANDOVER_PHOTO, photoId)
                .district(s.kabkota()).after(Map.of("sha256", s.sha256())));
        return s.file();
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
        return verify(limiter.visit(clientAddress, code));
    }

    /**
     * The same check within a page's visit, which was counted once when it began (a code opened at
     * {@code /verifikasi/{code}} is looked up in the certificates and the handover records).
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<HandoverCheck> verify(PublicCheckLimiter.Visit visit) {
        if (!visit.allowed()) {
            throw new RuleViolation(null, "grants.verify.tooMany");
        }
        if (!PublicCode.wellFormed(visit.code())) {
            return Optional.empty();
        }
        return handovers.check(visit.code());
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

    /** The record with its goods and photos. */
    private Handover withItems(Handover h) {
        return h.with(items.ofHandover(h.id()), photos.of(h.id(), h.groupId()));
    }
}
