package id.berdaya.grants.proposal;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.budget.BudgetLock;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.CatalogueService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review steps of {@link ProposalService}: approve, return for revision, reject, each at the
 * district step (the district's head) or the province step (a provincial officer or
 * administrator), never by whoever submitted the proposal or approved it at the district step.
 * A decision is a guarded update at the version the reviewer saw: of concurrent decisions exactly
 * one wins, and the others are told who decided first. An approval locks the district's ceiling
 * row first and checks the budget under that lock, in the same transaction.
 */
@Component
class Review {

    enum Decision { APPROVE, RETURN, REJECT }

    private final ProposalRepository proposals;
    private final ItemRepository items;
    private final HistoryRepository history;
    private final BudgetService budget;
    private final CatalogueService catalogue;
    private final AuditLog audit;
    private final Clock clock;

    Review(ProposalRepository proposals, ItemRepository items, HistoryRepository history, BudgetService budget,
           CatalogueService catalogue, AuditLog audit, Clock clock) {
        this.proposals = proposals;
        this.items = items;
        this.history = history;
        this.budget = budget;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** The state a user of this role decides at: submitted (district head) or approved by the district (province); else null. */
    static ProposalState stepOf(Role role) {
        return switch (role) {
            case DISTRICT_HEAD -> ProposalState.SUBMITTED;
            case PROVINCE_OFFICER, PROVINCE_ADMIN -> ProposalState.DISTRICT_APPROVED;
            default -> null;
        };
    }

    /** Whether {@code user} took part in the proposal so far (submitted it, or approved it at the district step). */
    static boolean involved(Proposal p, BerdayaUser user) {
        String me = user.getUsername();
        return me.equals(p.submittedBy()) || me.equals(p.districtDecidedBy());
    }

    Proposal decide(long id, Decision decision, String reason, int version) {
        BerdayaUser me = CurrentUser.require();
        Proposal p = proposals.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (p.version() != version) {
            throw decidedFirst(id);
        }
        ProposalState step = stepOf(me.role());
        if (step == null || p.state() != step) {
            throw new RuleViolation(null, "grants.proposal.notAtYourStep");
        }
        if (involved(p, me)) {
            throw new RuleViolation(null, "grants.proposal.fourEyes");
        }
        String why = reason == null ? null : reason.trim();
        if (decision != Decision.APPROVE && (why == null || why.length() < 5)) {
            throw new RuleViolation("reason", "grants.proposal.reasonRequired");
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        ProposalState to = switch (decision) {
            case APPROVE -> step == ProposalState.SUBMITTED ? ProposalState.DISTRICT_APPROVED : ProposalState.PROVINCE_APPROVED;
            case RETURN -> ProposalState.DRAFT;
            case REJECT -> ProposalState.REJECTED;
        };
        Map<Long, Long> frozen = null;
        long total = p.total();
        if (decision == Decision.APPROVE) {
            BudgetLock lock = budget.lock(p.kabkotaCode(), p.budgetYear()); // held until this transaction ends
            if (step == ProposalState.SUBMITTED) { // the district's approval copies the catalogue's prices
                Map<Long, Long> prices = currentPrices(id);
                total = items.ofProposal(id).stream().mapToLong(r -> prices.get(r.catalogueItemId()) * r.quantity()).sum();
                frozen = prices;
            }
            checkBudget(p, total, lock);
        }
        if (!proposals.move(p, to, version, me.getUsername(), now, decision == Decision.APPROVE ? null : why,
                frozen == null ? null : total)) {
            throw decidedFirst(id);
        }
        if (frozen != null) {
            items.setPrices(id, p.kabkotaCode(), frozen);
        }
        history.add(p, p.state(), to, me.getUsername(), me.fullName(), now, why);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", to);
        after.put("total", total);
        if (why != null && !why.isEmpty()) {
            after.put("reason", why);
        }
        GrantsAction action = switch (decision) {
            case APPROVE -> step == ProposalState.SUBMITTED ? GrantsAction.GRANTS_PROPOSAL_APPROVED_DISTRICT
                    : GrantsAction.GRANTS_PROPOSAL_APPROVED_PROVINCE;
            case RETURN -> GrantsAction.GRANTS_PROPOSAL_RETURNED;
            case REJECT -> GrantsAction.GRANTS_PROPOSAL_REJECTED;
        };
        audit.record(AuditEvent.of(action).entity(GrantsEntity.GRANTS_PROPOSAL, id).district(p.kabkotaCode())
                .before(Map.of("state", p.state(), "version", version)).after(after));
        return proposals.find(id).orElseThrow();
    }

    /** The budget rules: at most the year's maximum per person, and within what is left of the district's pagu. */
    private void checkBudget(Proposal p, long total, BudgetLock lock) {
        if (total > lock.perPersonMax()) {
            throw new RuleViolation(null, "grants.budget.perPersonExceeded", IndonesianFormat.money(total),
                    IndonesianFormat.money(lock.perPersonMax()));
        }
        long remaining = lock.pagu() - proposals.committedTotal(p.kabkotaCode(), p.budgetYear(), p.id());
        if (total > remaining) {
            throw new RuleViolation(null, "grants.budget.paguExceeded", IndonesianFormat.money(total),
                    IndonesianFormat.money(Math.max(0, remaining)));
        }
    }

    private Map<Long, Long> currentPrices(long id) {
        List<Long> ids = items.ofProposal(id).stream().map(ItemRepository.Row::catalogueItemId).toList();
        Map<Long, CatalogueItem> found = catalogue.items(ids);
        Map<Long, Long> prices = new LinkedHashMap<>();
        for (Long item : ids) {
            prices.put(item, found.get(item).unitPrice());
        }
        return prices;
    }

    /** Someone decided (or changed) the proposal since the reviewer saw it: who. */
    private RuleViolation decidedFirst(long id) {
        String who = history.last(id).map(HistoryEntry::actorName).orElse("?");
        return new RuleViolation(null, "grants.proposal.alreadyDecided", who);
    }
}
