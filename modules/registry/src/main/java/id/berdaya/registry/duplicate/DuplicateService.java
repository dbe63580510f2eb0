package id.berdaya.registry.duplicate;

import id.berdaya.registry.RegistryRoles;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.nik.NikComparison;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The review queue of possible duplicates (records alike without a NIK match). A provincial
 * verifier compares them side by side and merges (one record stays; the other is kept with
 * status MERGED, pointing at it, so history and documents of both remain) or dismisses.
 */
@Service
@Transactional
public class DuplicateService {

    private static final String REVIEWERS = RegistryRoles.REVIEWERS;
    private final DuplicateRepository duplicates;
    private final BeneficiaryService registry;
    private final AuditLog audit;
    private final Clock clock;

    DuplicateService(DuplicateRepository duplicates, BeneficiaryService registry,
                     AuditLog audit, Clock clock) {
        this.duplicates = duplicates;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** The open pairs, oldest first, each with both records for comparison. */
    @PreAuthorize(REVIEWERS)
    @Transactional(readOnly = true)
    public List<DuplicatePair> open(int limit) {
        return open(null, limit);
    }

    /** The open pairs whose newer record is in {@code kabkota} (null: any), oldest first, with both records. */
    @PreAuthorize(REVIEWERS)
    @Transactional(readOnly = true)
    public List<DuplicatePair> open(String kabkota, int limit) {
        return pairs(duplicates.open(kabkota, Math.min(Math.max(limit, 1), 200)));
    }

    /** The open pairs one person's record belongs to (the queue as seen from their detail page). */
    @PreAuthorize(REVIEWERS)
    @Transactional(readOnly = true)
    public List<DuplicatePair> openOf(long beneficiaryId) {
        return pairs(duplicates.openOf(beneficiaryId));
    }

    /** Both records of each pair, read in one query for the whole list. */
    private List<DuplicatePair> pairs(List<DuplicateRepository.Pair> records) {
        Set<Long> ids = new HashSet<>();
        records.forEach(d -> {
            ids.add(d.beneficiaryId());
            ids.add(d.otherId());
        });
        Map<Long, BeneficiaryDetail> found = ids.isEmpty() ? Map.of() : registry.detailsForReview(ids);
        List<NikComparison> niks = records.isEmpty() ? List.of()
                : registry.compareNiks(records.stream().map(d -> Map.entry(d.beneficiaryId(), d.otherId())).toList());
        List<DuplicatePair> pairs = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            DuplicateRepository.Pair d = records.get(i);
            pairs.add(new DuplicatePair(d.id(), present(found, d.beneficiaryId()), present(found, d.otherId()), d.reason(),
                    niks.get(i), d.version()));
        }
        return pairs;
    }

    /**
     * Both full NIKs of an open pair, for one stated reason: one NIK_REVEALED entry for each of
     * the two records, with the reason and the pair.
     */
    @PreAuthorize(REVIEWERS)
    public DuplicatePair.Revealed revealNiks(long pairId, String reason) {
        DuplicateRepository.Pair pair = duplicates.find(pairId).filter(DuplicateRepository.Pair::open)
                .orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        List<String> niks = registry.revealNiksOfPair(pair.id(), pair.beneficiaryId(), pair.otherId(), reason);
        return new DuplicatePair.Revealed(niks.get(0), niks.get(1));
    }

    private static BeneficiaryDetail present(Map<Long, BeneficiaryDetail> found, long id) {
        return Optional.ofNullable(found.get(id)).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
    }

    @PreAuthorize(REVIEWERS)
    @Transactional(readOnly = true)
    public int countOpen() {
        return duplicates.countOpen(null);
    }

    /** Open pairs whose newer record is in {@code kabkota} (null: any). */
    @PreAuthorize(REVIEWERS)
    @Transactional(readOnly = true)
    public int countOpen(String kabkota) {
        return duplicates.countOpen(kabkota);
    }

    /** Merges the pair into {@code keepId} (one of its two records). */
    @PreAuthorize(REVIEWERS)
    public void merge(long pairId, long keepId, int version) {
        DuplicateRepository.Pair pair = openPair(pairId, version);
        long dropId = keepId == pair.beneficiaryId() ? pair.otherId() : pair.beneficiaryId();
        if (keepId != pair.beneficiaryId() && keepId != pair.otherId()) {
            throw new RuleViolation(null, "registry.duplicate.keepOneOfThem");
        }
        BeneficiaryService.Merged drop = registry.markMerged(dropId, keepId);
        resolve(pair, DuplicateRepository.Resolution.MERGED);
        audit.record(AuditEvent.of(RegistryAction.MERGED).entity(RegistryEntity.BENEFICIARY, dropId)
                .district(drop.kabkotaCode()).before(Map.of("status", drop.statusBefore()))
                .after(Map.of("status", "MERGED", "mergedInto", keepId)));
        audit.record(AuditEvent.of(RegistryAction.MERGED).entity(RegistryEntity.BENEFICIARY, keepId)
                .after(Map.of("absorbed", dropId)));
    }

    /** Not the same person: the pair leaves the queue. */
    @PreAuthorize(REVIEWERS)
    public void dismiss(long pairId, int version) {
        DuplicateRepository.Pair pair = openPair(pairId, version);
        resolve(pair, DuplicateRepository.Resolution.DISMISSED);
        audit.record(AuditEvent.of(RegistryAction.DUPLICATE_DISMISSED).entity(RegistryEntity.BENEFICIARY, pair.beneficiaryId())
                .district(pair.kabkotaCode()).after(Map.of("other", pair.otherId())));
    }

    private DuplicateRepository.Pair openPair(long pairId, int version) {
        Optional<DuplicateRepository.Pair> found = duplicates.find(pairId);
        DuplicateRepository.Pair pair = found.orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (pair.version() != version || !pair.open()) {
            throw RuleViolation.concurrentChange();
        }
        return pair;
    }

    private void resolve(DuplicateRepository.Pair pair, DuplicateRepository.Resolution resolution) {
        if (!duplicates.resolve(pair, resolution, CurrentUser.require().getUsername(), now())) {
            throw RuleViolation.concurrentChange();
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
