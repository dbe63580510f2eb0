package id.berdaya.grants.proposal;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Guards;
import id.berdaya.core.security.Role;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.GrantsRoles;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.eligibility.Eligibility;
import id.berdaya.grants.eligibility.EligibilityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proposals (usulan): one per beneficiary and budget year, drafted and submitted by the district
 * operator for an eligible person ({@link EligibilityService}), then decided at the district step
 * and the province step ({@link Review}). Every transition records who, when and why in the
 * proposal's history and is audited. Every read goes through the district scope.
 *
 * <p>The decisions run at READ COMMITTED: an approval locks the district's ceiling row and then
 * sums the district's approvals, and that sum must see every approval committed before the lock
 * was granted (at REPEATABLE READ it would read the snapshot taken at the transaction's first
 * read, and concurrent approvals could pass the pagu together).
 */
@Service
@Transactional
public class ProposalService {

    /** The most proposals one list call returns. */
    public static final int LIST_LIMIT = 500;

    private final ProposalRepository proposals;
    private final ItemRepository items;
    private final HistoryRepository history;
    private final Review review;
    private final EligibilityService eligibility;
    private final CatalogueService catalogue;
    private final BudgetService budget;
    private final AuditLog audit;
    private final Clock clock;

    ProposalService(ProposalRepository proposals, ItemRepository items, HistoryRepository history, Review review,
                    EligibilityService eligibility, CatalogueService catalogue, BudgetService budget, AuditLog audit, Clock clock) {
        this.proposals = proposals;
        this.items = items;
        this.history = history;
        this.review = review;
        this.eligibility = eligibility;
        this.catalogue = catalogue;
        this.budget = budget;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- drafting (the district operator)

    /** Drafts a proposal for an eligible person of the operator's district (one per person and year). */
    @PreAuthorize(GrantsRoles.DRAFTERS)
    public Proposal create(NewProposal n) {
        check(n);
        Eligibility e = eligibility.require(n.beneficiaryId(), n.budgetYear());
        if (proposals.exists(n.beneficiaryId(), n.budgetYear())) {
            throw new RuleViolation("beneficiaryId", "grants.proposal.exists", e.fullName(), n.budgetYear());
        }
        List<ItemRepository.Row> rows = priced(n);
        BerdayaUser me = CurrentUser.require();
        LocalDateTime now = now();
        long id;
        try {
            id = proposals.insert(n, e.kabkotaCode(), e.fullName(), total(rows), me.getUsername(), now);
        } catch (DuplicateKeyException dup) {
            throw new RuleViolation("beneficiaryId", "grants.proposal.exists", e.fullName(), n.budgetYear());
        }
        items.replace(id, e.kabkotaCode(), rows);
        Proposal p = proposals.find(id).orElseThrow();
        history.add(p, null, ProposalState.DRAFT, me.getUsername(), me.fullName(), now, null);
        audit.record(AuditEvent.of(GrantsAction.GRANTS_PROPOSAL_CREATED).entity(GrantsEntity.GRANTS_PROPOSAL, id)
                .district(p.kabkotaCode()).after(n));
        return p;
    }

    /** Changes a draft (its text and items, priced anew) at the version the user saw. */
    @PreAuthorize(GrantsRoles.DRAFTERS)
    public Proposal update(long id, NewProposal n, int version) {
        Proposal p = get(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (p.state() != ProposalState.DRAFT) {
            throw new RuleViolation(null, "grants.proposal.notDraft");
        }
        NewProposal changed = new NewProposal(p.beneficiaryId(), p.budgetYear(), n.businessType(), n.businessPlan(), n.location(),
                n.items());
        check(changed);
        List<ItemRepository.Row> rows = priced(changed);
        if (!proposals.updateDraft(p, changed, total(rows), version, now())) {
            throw RuleViolation.concurrentChange();
        }
        items.replace(id, p.kabkotaCode(), rows);
        audit.record(AuditEvent.of(GrantsAction.GRANTS_PROPOSAL_UPDATED).entity(GrantsEntity.GRANTS_PROPOSAL, id)
                .district(p.kabkotaCode()).before(p).after(changed));
        return proposals.find(id).orElseThrow();
    }

    /** Submits a draft for the district's decision: the person must still be eligible and the total within the maximum per person. */
    @PreAuthorize(GrantsRoles.DRAFTERS)
    public Proposal submit(long id, int version) {
        Proposal p = get(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (p.state() != ProposalState.DRAFT) {
            throw new RuleViolation(null, "grants.proposal.notDraft");
        }
        eligibility.require(p.beneficiaryId(), p.budgetYear());
        if (items.ofProposal(id).isEmpty()) {
            throw new RuleViolation("items", "grants.proposal.itemsRequired");
        }
        long max = budget.perPersonMax(p.budgetYear());
        if (p.total() > max) {
            throw new RuleViolation("items", "grants.budget.perPersonExceeded", IndonesianFormat.money(p.total()),
                    IndonesianFormat.money(max));
        }
        return transition(p, ProposalState.SUBMITTED, version, null, GrantsAction.GRANTS_PROPOSAL_SUBMITTED);
    }

    /** Withdraws a proposal before the district decides it (a draft or a submitted one), with a reason. */
    @PreAuthorize(GrantsRoles.DRAFTERS)
    public Proposal withdraw(long id, String reason, int version) {
        Proposal p = get(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (p.state() != ProposalState.DRAFT && p.state() != ProposalState.SUBMITTED) {
            throw new RuleViolation(null, "grants.proposal.withdrawTooLate");
        }
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "grants.proposal.reasonRequired");
        }
        return transition(p, ProposalState.WITHDRAWN, version, reason.trim(), GrantsAction.GRANTS_PROPOSAL_WITHDRAWN);
    }

    // ---- review (district head, then province)

    /** Approves at the user's step; the budget rules are checked under the district's ceiling lock. See {@link Review}. */
    @PreAuthorize(GrantsRoles.REVIEWERS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Proposal approve(long id, int version) {
        return review.decide(id, Review.Decision.APPROVE, null, version);
    }

    /** Returns the proposal to the operator for revision (back to draft, with a reason; the history keeps the round). */
    @PreAuthorize(GrantsRoles.REVIEWERS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Proposal returnForRevision(long id, String reason, int version) {
        return review.decide(id, Review.Decision.RETURN, reason, version);
    }

    /** Rejects the proposal, with a reason; final. */
    @PreAuthorize(GrantsRoles.REVIEWERS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Proposal reject(long id, String reason, int version) {
        return review.decide(id, Review.Decision.REJECT, reason, version);
    }

    // ---- handover

    /**
     * Moves a province-approved proposal of the user's district to handed over: called when its
     * handover record (BAST) is stored; audited and kept in the history.
     */
    @PreAuthorize(GrantsRoles.HANDOVER_RECORDERS)
    public Proposal markHandedOver(long id, int version) {
        Proposal p = get(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!allowedActions(p).contains(ProposalAction.HAND_OVER)) {
            throw new RuleViolation(null, "grants.handover.notAllowed");
        }
        return transition(p, ProposalState.HANDED_OVER, version, null, GrantsAction.GRANTS_PROPOSAL_HANDED_OVER);
    }

    /**
     * Moves a handed-over proposal of the district head's district back to approved by the province:
     * called when its handover record is voided (the reason kept in the history); audited.
     */
    @PreAuthorize(GrantsRoles.HANDOVER_VOIDERS)
    public Proposal reopenAfterVoid(long id, String reason) {
        Proposal p = get(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (p.state() != ProposalState.HANDED_OVER || !p.kabkotaCode().equals(CurrentUser.require().kabkotaCode())) {
            throw new RuleViolation(null, "grants.handover.voidNotAllowed");
        }
        return transition(p, ProposalState.PROVINCE_APPROVED, p.version(), reason, GrantsAction.GRANTS_PROPOSAL_HANDOVER_VOIDED);
    }

    // ---- reads

    /** A proposal; another district's is empty (and the attempt audited). */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Proposal> get(long id) {
        return proposals.find(id);
    }

    /** The items of a visible proposal with names, units and prices. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<ProposalItem> items(long id) {
        List<ItemRepository.Row> rows = items.ofProposal(id);
        Map<Long, CatalogueItem> names = catalogue.items(rows.stream().map(ItemRepository.Row::catalogueItemId).toList());
        return rows.stream().map(r -> {
            CatalogueItem c = names.get(r.catalogueItemId());
            return new ProposalItem(r.catalogueItemId(), c.name(), c.unit(), r.quantity(), r.unitPrice());
        }).toList();
    }

    /** The transitions of a visible proposal, oldest first. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        return history.ofProposal(id);
    }

    /** Proposals within scope, newest first (at most {@link #LIST_LIMIT}). */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<Proposal> list(ProposalFilter filter) {
        return proposals.list(filter == null ? ProposalFilter.ALL : filter, LIST_LIMIT);
    }

    /** The proposals waiting at the current user's review step within their scope, oldest first (at most {@code limit}). */
    @PreAuthorize(GrantsRoles.REVIEWERS)
    @Transactional(readOnly = true)
    public List<Proposal> waiting(InboxFilter filter, int limit) {
        ProposalState step = Review.stepOf(CurrentUser.require().role());
        return step == null ? List.of() : proposals.waiting(step, filter == null ? InboxFilter.ALL : filter, now(),
                Math.min(Math.max(limit, 1), LIST_LIMIT));
    }

    /** How many proposals wait at the current user's review step (the menu's count); 0 for other roles. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public int waitingCount() {
        ProposalState step = Review.stepOf(CurrentUser.require().role());
        return step == null ? 0 : proposals.countWaiting(step);
    }

    /** Whether the current user drafts proposals (the screens offer "new proposal" from this). */
    @PreAuthorize(GrantsRoles.READERS)
    public boolean mayDraft() {
        return Guards.allows(GrantsRoles.DRAFTERS);
    }

    /** A visible person's proposals, newest year first (the earlier proposals beside a review). */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<Proposal> ofPerson(long beneficiaryId) {
        return proposals.ofPerson(beneficiaryId);
    }

    /**
     * The recipients of a district's year: its proposals approved by the province or handed over,
     * by name (the attachment to the decree). A district user asking for another district is
     * refused as "not found" (and the attempt audited).
     */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<Proposal> recipients(String kabkotaCode, int budgetYear) {
        return proposals.recipients(kabkotaCode, budgetYear).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
    }

    /** A district's use of its pagu in a year (rupiah): approved and later, handed over, and what is left. */
    public record Absorption(String kabkotaCode, long pagu, long committed, long handedOver) {
        public long remaining() {
            return pagu - committed;
        }
    }

    /** Each visible district's ceiling of the year with what its proposals took of it, by kabupaten/kota code. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public List<Absorption> absorption(int budgetYear) {
        Map<String, long[]> used = proposals.absorption(budgetYear);
        return budget.ceilings(budgetYear).stream().map(c -> {
            long[] u = used.getOrDefault(c.kabkotaCode(), new long[2]);
            return new Absorption(c.kabkotaCode(), c.pagu(), u[0], u[1]);
        }).toList();
    }

    /** What the district has left of its pagu of the year (approved and later counted), or empty without a ceiling. */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Long> remainingPagu(String kabkotaCode, int budgetYear) {
        return budget.ceiling(kabkotaCode, budgetYear).map(c -> c.pagu() - proposals.committedTotal(kabkotaCode, budgetYear, 0));
    }

    /**
     * Writes the proposals of the filter as XLSX in the caller's sheet (name, kabupaten/kota code,
     * year, business type in {@code typeLabels}, total in rupiah, state in {@code stateLabels}); no
     * NIK and no category. Audited as an export.
     */
    @PreAuthorize(GrantsRoles.READERS)
    public int export(ProposalFilter filter, XlsxSheet sheet, Map<BusinessType, String> typeLabels,
                      Map<ProposalState, String> stateLabels, OutputStream out) {
        List<Proposal> shown = list(filter);
        try (XlsxExport x = new XlsxExport(out, sheet)) {
            for (Proposal p : shown) {
                x.row(p.beneficiaryName(), p.kabkotaCode(), p.budgetYear(), typeLabels.getOrDefault(p.businessType(), p.businessType().name()),
                        p.total(), stateLabels.getOrDefault(p.state(), p.state().name()));
            }
        }
        audit.record(AuditEvent.of(GrantsAction.GRANTS_PROPOSALS_EXPORTED).entity(GrantsEntity.GRANTS_PROPOSAL, null)
                .after(Map.of("rows", shown.size(), "filter", String.valueOf(filter))));
        return shown.size();
    }

    /**
     * What the current user may do with this proposal now: the operator edits, submits and
     * withdraws; a reviewer decides at their step unless they submitted it or approved it at
     * the district step; the operator or field officer of the district hands a province-approved one
     * over. The screens show their buttons from this answer.
     */
    @PreAuthorize(GrantsRoles.READERS)
    public Set<ProposalAction> allowedActions(Proposal p) {
        BerdayaUser me = CurrentUser.require();
        Set<ProposalAction> may = EnumSet.noneOf(ProposalAction.class);
        if (me.role() == Role.DISTRICT_OPERATOR && p.kabkotaCode().equals(me.kabkotaCode())) {
            if (p.state() == ProposalState.DRAFT) {
                may.addAll(List.of(ProposalAction.EDIT, ProposalAction.SUBMIT, ProposalAction.WITHDRAW));
            } else if (p.state() == ProposalState.SUBMITTED) {
                may.add(ProposalAction.WITHDRAW);
            }
        }
        boolean ownDistrict = me.role().isDistrictLevel() && p.kabkotaCode().equals(me.kabkotaCode());
        if (p.state() == ProposalState.PROVINCE_APPROVED && ownDistrict
                && (me.role() == Role.DISTRICT_OPERATOR || me.role() == Role.FIELD_OFFICER)) {
            may.add(ProposalAction.HAND_OVER);
        }
        ProposalState step = Review.stepOf(me.role());
        boolean inScope = !me.role().isDistrictLevel() || p.kabkotaCode().equals(me.kabkotaCode());
        if (step != null && p.state() == step && inScope && !Review.involved(p, me)) {
            may.addAll(List.of(ProposalAction.APPROVE, ProposalAction.RETURN, ProposalAction.REJECT));
        }
        return may;
    }

    // ---- helpers

    private Proposal transition(Proposal p, ProposalState to, int version, String reason, GrantsAction action) {
        BerdayaUser me = CurrentUser.require();
        LocalDateTime now = now();
        if (p.version() != version || !proposals.move(p, to, version, me.getUsername(), now, reason, null)) {
            throw RuleViolation.concurrentChange();
        }
        history.add(p, p.state(), to, me.getUsername(), me.fullName(), now, reason);
        audit.record(AuditEvent.of(action).entity(GrantsEntity.GRANTS_PROPOSAL, p.id()).district(p.kabkotaCode())
                .before(Map.of("state", p.state())).after(reason == null ? Map.of("state", to) : Map.of("state", to, "reason", reason)));
        return proposals.find(p.id()).orElseThrow();
    }

    /** The lines at the catalogue's current prices; refused for an unknown, inactive or other year's item. */
    private List<ItemRepository.Row> priced(NewProposal n) {
        Map<Long, CatalogueItem> found = catalogue.items(n.items().stream().map(ItemLine::catalogueItemId).toList());
        List<ItemRepository.Row> rows = new ArrayList<>();
        for (ItemLine line : n.items()) {
            CatalogueItem c = found.get(line.catalogueItemId());
            if (c == null || !c.active() || c.budgetYear() != n.budgetYear()) {
                throw new RuleViolation("items", "grants.proposal.itemUnavailable");
            }
            rows.add(new ItemRepository.Row(c.id(), line.quantity(), c.unitPrice()));
        }
        return rows;
    }

    private static long total(List<ItemRepository.Row> rows) {
        return rows.stream().mapToLong(r -> r.unitPrice() * r.quantity()).sum();
    }

    private static void check(NewProposal n) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (n.budgetYear() < 2020 || n.budgetYear() > 2100) {
            problems.add(new RuleViolation.Problem("budgetYear", "grants.budgetYear.range"));
        }
        if (n.businessType() == null) {
            problems.add(new RuleViolation.Problem("businessType", "grants.proposal.businessTypeRequired"));
        }
        if (n.businessPlan() == null || n.businessPlan().trim().length() < 20) {
            problems.add(new RuleViolation.Problem("businessPlan", "grants.proposal.planRequired"));
        } else if (n.businessPlan().trim().length() > 2000) {
            problems.add(new RuleViolation.Problem("businessPlan", "grants.proposal.planTooLong"));
        }
        if (n.location() == null || n.location().isBlank()) {
            problems.add(new RuleViolation.Problem("location", "grants.proposal.locationRequired"));
        }
        List<ItemLine> lines = n.items() == null ? List.of() : n.items();
        Set<Long> seen = new HashSet<>();
        if (lines.stream().anyMatch(l -> l.quantity() <= 0 || !seen.add(l.catalogueItemId()))) {
            problems.add(new RuleViolation.Problem("items", "grants.proposal.itemLines"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
