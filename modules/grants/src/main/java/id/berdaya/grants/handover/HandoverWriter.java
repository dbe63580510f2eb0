package id.berdaya.grants.handover;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.file.FileContent;
import id.berdaya.core.file.Photos;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.PublicCode;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalItem;
import id.berdaya.grants.proposal.ProposalService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks and the writing behind {@link HandoverService}'s recording, shared by a single and a
 * group handover: the terms entered once (date, place, parties, witness, position), the goods
 * against the approved items, the photos (one to three, cleaned by core {@link Photos}: the camera's
 * position kept only with consent), then the number, the record, its goods, its own photos, the seal
 * over all of it and the proposal's move to handed over, in the caller's transaction.
 */
@Component
class HandoverWriter {

    /** Jawa Tengah, roughly: where a handover's position may lie. */
    static final BigDecimal LAT_MIN = new BigDecimal("-8.3");
    static final BigDecimal LAT_MAX = new BigDecimal("-5.7");
    static final BigDecimal LON_MIN = new BigDecimal("108.5");
    static final BigDecimal LON_MAX = new BigDecimal("111.8");

    /** A photo cleaned for storing, with the position kept (or null) and its hash. */
    record Cleaned(Photos.Clean photo, Handover.Position position, String sha256) {
        HandoverPhoto described(boolean group) {
            return new HandoverPhoto(0, photo.contentType(), photo.width(), photo.height(), photo.content().length, sha256,
                    photo.takenAt(), position, group);
        }
    }

    private final HandoverRepository handovers;
    private final HandoverItemRepository items;
    private final HandoverPhotoRepository photos;
    private final HandoverNumberRepository numbers;
    private final HandoverGroupRepository groups;
    private final ProposalService proposals;
    private final RegionService regions;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    HandoverWriter(HandoverRepository handovers, HandoverItemRepository items, HandoverPhotoRepository photos,
                   HandoverNumberRepository numbers, HandoverGroupRepository groups, ProposalService proposals, RegionService regions,
                   AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.groups = groups;
        this.handovers = handovers;
        this.items = items;
        this.photos = photos;
        this.numbers = numbers;
        this.proposals = proposals;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** The terms entered once: date, place, parties, witness, the position (if given) within Jawa Tengah, and one to three photos. */
    static void checkTerms(List<RuleViolation.Problem> problems, LocalDate handedOn, String place, String giverName, String giverPosition,
                           String giverOffice, String witnessName, String witnessPosition, Handover.Position position, int photoCount) {
        if (handedOn == null) {
            problems.add(new RuleViolation.Problem("handedOn", "grants.handover.dateRequired"));
        }
        requireText(problems, "place", place);
        requireText(problems, "giverName", giverName);
        requireText(problems, "giverPosition", giverPosition);
        requireText(problems, "giverOffice", giverOffice);
        requireText(problems, "witnessName", witnessName);
        requireText(problems, "witnessPosition", witnessPosition);
        if (position != null) {
            BigDecimal lat = position.latitude();
            BigDecimal lon = position.longitude();
            if (lat == null || lon == null) {
                problems.add(new RuleViolation.Problem("position", "grants.handover.positionIncomplete"));
            } else if (lat.compareTo(LAT_MIN) < 0 || lat.compareTo(LAT_MAX) > 0 || lon.compareTo(LON_MIN) < 0 || lon.compareTo(LON_MAX) > 0) {
                problems.add(new RuleViolation.Problem("position", "grants.handover.positionOutside"));
            }
        }
        if (photoCount == 0) {
            problems.add(new RuleViolation.Problem("photos", "grants.handover.photoRequired"));
        } else if (photoCount > HandoverService.MAX_PHOTOS) {
            problems.add(new RuleViolation.Problem("photos", "grants.handover.photoTooMany", HandoverService.MAX_PHOTOS));
        }
    }

    /** The photos checked and cleaned; a refused one adds its problem. The camera's position is kept only with {@code keepPosition}. */
    static List<Cleaned> clean(List<RuleViolation.Problem> problems, List<HandoverPhoto.Upload> uploads, boolean keepPosition) {
        List<Cleaned> out = new ArrayList<>();
        if (uploads == null || uploads.size() > HandoverService.MAX_PHOTOS) {
            return out;
        }
        for (HandoverPhoto.Upload u : uploads) {
            try {
                Photos.Clean c = Photos.clean(u.content(), HandoverService.MAX_PHOTO_BYTES, "photos");
                Handover.Position kept = keepPosition && c.latitude() != null ? new Handover.Position(c.latitude(), c.longitude()) : null;
                out.add(new Cleaned(c, kept, FileContent.sha256(c.content())));
            } catch (RuleViolation v) {
                problems.addAll(v.problems());
            }
        }
        return out;
    }

    /** The goods: each approved item with its handed quantity; a problem for a missing or unknown line or an unexplained difference. */
    static List<HandoverItem> goods(List<RuleViolation.Problem> problems, List<NewHandover.Line> handed, List<ProposalItem> approved) {
        Map<Long, NewHandover.Line> lines = new HashMap<>();
        for (NewHandover.Line l : handed == null ? List.<NewHandover.Line>of() : handed) {
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
        return goods;
    }

    /** Every approved item in full: the goods of a group handover. */
    private static List<NewHandover.Line> approvedInFull(List<ProposalItem> approved) {
        return approved.stream().map(a -> new NewHandover.Line(a.catalogueItemId(), a.quantity(), null)).toList();
    }

    /**
     * Numbers, seals and stores the record of a checked proposal with its goods and own photos ({@code groupId} and the group's
     * photos for a group handover), moves the proposal to handed over and audits it.
     */
    Handover write(Proposal p, NewHandover n, List<HandoverItem> goods, Long groupId, List<Cleaned> own, List<Cleaned> shared) {
        String kabkota = p.kabkotaCode();
        int year = n.handedOn().getYear();
        int seq = numbers.next(kabkota, year);
        String number = "%03d/BAST-STIM/%s/%d".formatted(seq, kabkota.replace(".", ""), year);
        String issuer = regions.kabkota(kabkota).map(Kabkota::displayName).orElse(kabkota);
        String me = CurrentUser.require().getUsername();
        Instant now = clock.instant();
        List<HandoverPhoto> pictures = new ArrayList<>();
        shared.forEach(c -> pictures.add(c.described(true)));
        own.forEach(c -> pictures.add(c.described(false)));
        Handover draft = new Handover(0, p.id(), groupId, kabkota, issuer, number, PublicCode.next(), "", n.handedOn(),
                n.place().trim(), n.giverName().trim(), n.giverPosition().trim(), n.giverOffice().trim(), p.beneficiaryName(),
                n.witnessName().trim(), n.witnessPosition().trim(), scaled(n.position()), me, now, null, goods, pictures);
        Handover h = draft.sealed(0, draft.computeSeal());
        long id;
        try {
            id = handovers.insert(h, year, seq);
        } catch (DuplicateKeyException dup) {
            throw RuleViolation.concurrentChange();
        }
        items.insert(id, kabkota, goods);
        for (Cleaned c : own) {
            photos.insert(id, null, kabkota, c.photo(), c.position(), c.sha256(), me, now);
        }
        proposals.markHandedOver(p.id(), n.proposalVersion());
        Map<String, Object> after = new java.util.LinkedHashMap<>(Map.of("number", number, "proposal", p.id(), "seal", h.seal(),
                "photos", pictures.stream().map(HandoverPhoto::sha256).toList()));
        if (groupId != null) {
            after.put("group", groupId);
        }
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_RECORDED).entity(GrantsEntity.GRANTS_HANDOVER, id)
                .district(kabkota).after(after));
        events.publishEvent(new HandoverRecorded(id, p.id(), p.beneficiaryId(), kabkota, n.handedOn(), goods));
        return h.sealed(id, h.seal());
    }

    /**
     * Stores a checked group: its shared terms, its photos (once, for the group), then one record per proposal with the
     * approved quantities, numbered one after the other (the district's counter row stays locked), each sealing the
     * group's photos; audited as a group too.
     */
    List<Handover> writeGroup(List<Proposal> members, NewGroupHandover g, List<Cleaned> shared) {
        String kabkota = members.getFirst().kabkotaCode();
        String me = CurrentUser.require().getUsername();
        Instant now = clock.instant();
        long groupId = groups.insert(kabkota, g, me, now);
        for (Cleaned c : shared) {
            photos.insert(null, groupId, kabkota, c.photo(), c.position(), c.sha256(), me, now);
        }
        List<Handover> recorded = new ArrayList<>();
        for (Proposal p : members) {
            List<ProposalItem> approved = proposals.items(p.id());
            NewHandover n = new NewHandover(p.id(), p.version(), g.handedOn(), g.place(), g.giverName(), g.giverPosition(),
                    g.giverOffice(), g.witnessName(), g.witnessPosition(), approvedInFull(approved), g.position(), List.of(),
                    g.keepPhotoPosition());
            recorded.add(write(p, n, goods(new ArrayList<>(), n.lines(), approved), groupId, List.of(), shared));
        }
        audit.record(AuditEvent.of(GrantsAction.GRANTS_HANDOVER_GROUP_RECORDED).entity(GrantsEntity.GRANTS_HANDOVER_GROUP, groupId)
                .district(kabkota).after(Map.of("numbers", recorded.stream().map(Handover::number).toList(),
                        "photos", shared.stream().map(Cleaned::sha256).toList())));
        return recorded;
    }

    private static Handover.Position scaled(Handover.Position p) {
        return p == null ? null : new Handover.Position(p.latitude().setScale(6, RoundingMode.HALF_UP),
                p.longitude().setScale(6, RoundingMode.HALF_UP));
    }

    private static void requireText(List<RuleViolation.Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new RuleViolation.Problem(field, "grants.handover.required"));
        } else if (value.trim().length() > 150) {
            problems.add(new RuleViolation.Problem(field, "grants.handover.tooLong"));
        }
    }
}
