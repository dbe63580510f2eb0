package id.berdaya.monitoring.ledger;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.monitoring.MonitoringRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The asset ledger: for each item handed over, what became of it, kept as movements (handed over,
 * born, sold with its price, died with its cause, consumed, broken, lost), never as overwritten
 * counts. A visit's movements are checked against the balance before them: nobody sells more goats
 * than there are, and a count that contradicts the ledger is refused, naming the item and both
 * numbers.
 */
@Service
@Transactional
public class LedgerService {

    private final AssetRepository assets;
    private final MovementRepository movements;
    private final Clock clock;

    LedgerService(AssetRepository assets, MovementRepository movements, Clock clock) {
        this.assets = assets;
        this.movements = movements;
        this.clock = clock;
    }

    /** One item handed over, as the ledger opens it. */
    public record Opening(long catalogueItemId, String name, String unit, int quantity) {
    }

    /** Opens the ledger of a case at its handover: each item with its handed quantity (an item of none is left out). */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(long caseId, String kabkotaCode, LocalDate handedOn, List<Opening> items) {
        String by = CurrentUser.require().getUsername();
        for (Opening o : items) {
            if (o.quantity() <= 0) {
                continue;
            }
            AssetKind kind = AssetKind.ofUnit(o.unit());
            long id = assets.insert(caseId, kabkotaCode, o.catalogueItemId(), o.name(), o.unit(), kind, o.quantity());
            Asset a = new Asset(id, caseId, o.name(), o.unit(), kind, o.quantity(), o.quantity());
            movements.insert(a, kabkotaCode, null, MovementKind.HANDED_OVER, o.quantity(), null, null, o.quantity(), handedOn, by, now());
        }
    }

    /**
     * Removes the ledger of a withdrawn follow-up (its handover voided before any visit moved an
     * item), in the caller's transaction; refused if a visit moved anything (that history stays).
     */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(long caseId, String kabkotaCode) {
        if (movements.movedSinceHandover(caseId) > 0) {
            throw new IllegalStateException("the ledger of case " + caseId + " has movements of a visit");
        }
        movements.deleteOfCase(caseId, kabkotaCode);
        assets.deleteOfCase(caseId, kabkotaCode);
    }

    /** A visible case's items with their balance now. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<Asset> assets(long caseId) {
        return assets.ofCase(caseId, false);
    }

    /**
     * The movements a visit found, checked and written in the visit's transaction. Every problem of
     * every item is collected first, so the form shows them all and nothing is written if any.
     */
    @PreAuthorize(MonitoringRoles.VISITORS)
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(long caseId, String kabkotaCode, long visitId, LocalDate on, List<AssetReport> reports) {
        Map<Long, Asset> byId = new HashMap<>();
        assets.ofCase(caseId, true).forEach(a -> byId.put(a.id(), a));
        List<RuleViolation.Problem> problems = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        String by = CurrentUser.require().getUsername();
        LocalDateTime at = now();
        for (AssetReport r : reports == null ? List.<AssetReport>of() : reports) {
            Asset a = byId.get(r.assetId());
            if (a == null) {
                problems.add(new RuleViolation.Problem("assets", "error.notFound"));
                continue;
            }
            check(a, r, problems);
            writes.add(() -> write(a, kabkotaCode, visitId, on, r, by, at));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        writes.forEach(Runnable::run);
    }

    /** The problems of one item's report, each naming the item (and the numbers). */
    static void check(Asset a, AssetReport r, List<RuleViolation.Problem> problems) {
        boolean livestock = a.kind() == AssetKind.LIVESTOCK;
        int born = livestock ? r.born() : 0;
        int out = r.sold() + (livestock ? r.died() + r.consumed() : r.broken() + r.lost());
        if (r.born() < 0 || r.sold() < 0 || r.died() < 0 || r.consumed() < 0 || r.broken() < 0 || r.lost() < 0) {
            problems.add(new RuleViolation.Problem("assets", "monitoring.ledger.negative", a.name()));
            return;
        }
        if (!livestock && (r.born() > 0 || r.died() > 0 || r.consumed() > 0) || livestock && (r.broken() > 0 || r.lost() > 0)) {
            problems.add(new RuleViolation.Problem("assets", "monitoring.ledger.wrongKind", a.name()));
        }
        int available = a.balance() + born;
        if (out > available) {
            problems.add(new RuleViolation.Problem("assets", "monitoring.ledger.tooMany", a.name(), out, available, a.unit()));
        } else if (r.counted() != null && r.counted() != available - out) {
            problems.add(new RuleViolation.Problem("assets", "monitoring.ledger.countMismatch", a.name(), r.counted(),
                    available - out, a.unit()));
        }
        if (r.sold() > 0 && (r.salePrice() == null || r.salePrice() <= 0)) {
            problems.add(new RuleViolation.Problem("assets", "monitoring.ledger.priceRequired", a.name()));
        }
        if (livestock && r.died() > 0 && blank(r.deathCause())) {
            problems.add(new RuleViolation.Problem("assets", "monitoring.ledger.causeRequired", a.name()));
        }
        if (!livestock && (r.broken() > 0 || r.lost() > 0) && blank(r.lossCause())) {
            problems.add(new RuleViolation.Problem("assets", "monitoring.ledger.causeRequired", a.name()));
        }
    }

    private void write(Asset a, String kabkota, long visitId, LocalDate on, AssetReport r, String by, LocalDateTime at) {
        boolean livestock = a.kind() == AssetKind.LIVESTOCK;
        int balance = a.balance();
        List<Object[]> lines = new ArrayList<>();
        if (livestock) {
            lines.add(new Object[]{MovementKind.BORN, r.born(), null, null});
            lines.add(new Object[]{MovementKind.SOLD, r.sold(), r.salePrice(), null});
            lines.add(new Object[]{MovementKind.DIED, r.died(), null, trim(r.deathCause())});
            lines.add(new Object[]{MovementKind.CONSUMED, r.consumed(), null, null});
        } else {
            lines.add(new Object[]{MovementKind.SOLD, r.sold(), r.salePrice(), null});
            lines.add(new Object[]{MovementKind.BROKEN, r.broken(), null, trim(r.lossCause())});
            lines.add(new Object[]{MovementKind.LOST, r.lost(), null, trim(r.lossCause())});
        }
        for (Object[] l : lines) {
            MovementKind kind = (MovementKind) l[0];
            int q = (Integer) l[1];
            if (q <= 0) {
                continue;
            }
            balance += kind.adds() ? q : -q;
            movements.insert(a, kabkota, visitId, kind, q, (Long) l[2], (String) l[3], balance, on, by, at);
        }
        if (balance != a.balance()) {
            assets.setBalance(a.id(), kabkota, balance);
        }
    }

    /** The ledgers of these visible cases (a person's, over their handovers), oldest first. */
    @PreAuthorize(MonitoringRoles.READERS)
    @Transactional(readOnly = true)
    public List<Movement> history(Collection<Long> caseIds) {
        return caseIds.isEmpty() ? List.of() : movements.ofCases(caseIds);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
