package id.berdaya.grants.catalogue;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.GrantsRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The unit-price catalogue (katalog harga satuan) per budget year. Province administrators keep
 * it and every change is audited; everyone else reads it. A proposal keeps the price it was
 * approved with, so a later change here does not touch it.
 */
@Service
@Transactional
public class CatalogueService {

    private final CatalogueRepository items;
    private final AuditLog audit;
    private final Clock clock;

    CatalogueService(CatalogueRepository items, AuditLog audit, Clock clock) {
        this.items = items;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds an item to a year's catalogue. */
    @PreAuthorize(GrantsRoles.BUDGET_ADMINS)
    public CatalogueItem create(NewCatalogueItem n) {
        check(n, null);
        long id = items.insert(n, CurrentUser.require().getUsername(), now());
        audit.record(AuditEvent.of(GrantsAction.GRANTS_CATALOGUE_ITEM_CREATED).entity(GrantsEntity.GRANTS_CATALOGUE_ITEM, id).after(n));
        return items.find(id).orElseThrow();
    }

    /** Changes an item (its price, its active flag, ...) against the version the user saw. */
    @PreAuthorize(GrantsRoles.BUDGET_ADMINS)
    public CatalogueItem update(long id, NewCatalogueItem n, int version) {
        CatalogueItem before = items.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        check(n, id);
        items.update(id, n, version, CurrentUser.require().getUsername(), now());
        audit.record(AuditEvent.of(GrantsAction.GRANTS_CATALOGUE_ITEM_UPDATED).entity(GrantsEntity.GRANTS_CATALOGUE_ITEM, id)
                .before(before).after(n));
        return items.find(id).orElseThrow();
    }

    /** Whether the current user may keep the catalogue (the screen shows its form from this). */
    @PreAuthorize(GrantsRoles.READERS)
    public boolean mayEdit() {
        return Guards.allows(GrantsRoles.BUDGET_ADMINS);
    }

    /** A year's catalogue by group and name; only the active items if asked (a proposal's choice). */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<CatalogueItem> list(int budgetYear, boolean activeOnly) {
        return items.list(budgetYear, activeOnly);
    }

    /** Items by id (unknown ids are left out): the proposal package prices its items with them. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public Map<Long, CatalogueItem> items(Collection<Long> ids) {
        return items.byIds(ids);
    }

    private void check(NewCatalogueItem n, Long id) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (n.budgetYear() < 2020 || n.budgetYear() > 2100) {
            problems.add(new RuleViolation.Problem("budgetYear", "grants.budgetYear.range"));
        }
        if (n.name() == null || n.name().isBlank()) {
            problems.add(new RuleViolation.Problem("name", "grants.catalogue.nameRequired"));
        } else if (items.nameTaken(n.budgetYear(), n.name(), id)) {
            problems.add(new RuleViolation.Problem("name", "grants.catalogue.nameTaken"));
        }
        if (n.group() == null) {
            problems.add(new RuleViolation.Problem("group", "grants.catalogue.groupRequired"));
        }
        if (n.unit() == null) {
            problems.add(new RuleViolation.Problem("unit", "grants.catalogue.unitRequired"));
        }
        if (n.unitPrice() <= 0) {
            problems.add(new RuleViolation.Problem("unitPrice", "grants.catalogue.pricePositive"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
