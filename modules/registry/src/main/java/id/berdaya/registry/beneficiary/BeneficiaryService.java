package id.berdaya.registry.beneficiary;

import id.berdaya.registry.registration.NewBeneficiary;
import static id.berdaya.registry.RegistryRoles.EXPORTERS;
import static id.berdaya.registry.RegistryRoles.READERS;
import static id.berdaya.registry.RegistryRoles.REGISTRARS;
import static id.berdaya.registry.RegistryRoles.REVIEWERS;
import static id.berdaya.registry.RegistryRoles.VERIFIERS;

import id.berdaya.registry.nik.NikComparison;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.registry.category.CategoryLabels;
import id.berdaya.registry.category.CategoryService;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.RegistryRoles;
import id.berdaya.registry.Sex;
import id.berdaya.registry.nik.NikCheck;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The beneficiary register. District operators register; the district head (own district) or a
 * provincial verifier verifies or returns with a reason. Every read goes through the district
 * scope; every change and every view of a person is audited.
 *
 * <p>Reads that are one statement (the list, counts) run with {@code SUPPORTS}: they join a
 * caller's transaction but open none of their own, because a read-only transaction costs four
 * extra round trips (autocommit and read-only on and off) for nothing a single statement needs.
 */
@Service
@Transactional
public class BeneficiaryService {

    /**
     * Roles that see the PPKS category, the referral source (Lapas/Bapas tells a criminal record)
     * and the sensitive notes: special personal data under UU 27/2022. Others get none of them, and
     * a list filter on the category or the referral source is refused.
     */
    static final Set<Role> SEES_SENSITIVE = EnumSet.of(Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_HEAD, Role.DISTRICT_OPERATOR);

    /**
     * What the current user may do with one record ({@link #allowedActions}). The detail page
     * shows a button for each and checks no role itself.
     */
    public enum Action {
        /** {@link #update}: an operator, while the record is registered or verified. */
        EDIT,
        /** {@link #verify}: a verifier, while the record awaits verification. */
        VERIFY,
        /** {@link #returnForRevision}: a verifier, while the record awaits verification. */
        RETURN,
        /** {@link #changeStatus}: a verifier, while the status has a next step. */
        CHANGE_STATUS,
        /** {@link #revealNik}, with a reason. */
        REVEAL_NIK,
        /** {@code DocumentService.upload}. */
        UPLOAD_DOCUMENT
    }

    /** What the current user may do with the register as a whole ({@link #listCapabilities}). */
    public enum ListCapability {
        /** Sees the category column and may filter by category. */
        FILTER_BY_CATEGORY,
        /** May filter by referral source. */
        FILTER_BY_REFERRAL,
        /** {@link #export}. */
        EXPORT,
        /** {@link #register}. */
        REGISTER
    }

    private final BeneficiaryRepository repository;
    private final BeneficiaryListRepository list;
    private final CategoryService categories;
    /** The category labels' handle, asked of {@link CategoryService} once (the list's hot path then passes no proxy). */
    private volatile CategoryLabels labels;
    private final Registrations registrations;
    private final StatusChanges statusChanges;
    private final Disclosures disclosures;
    private final AuditLog audit;

    BeneficiaryService(BeneficiaryRepository repository, BeneficiaryListRepository list, CategoryService categories,
                       Registrations registrations, StatusChanges statusChanges, Disclosures disclosures, AuditLog audit) {
        this.disclosures = disclosures;
        this.repository = repository;
        this.list = list;
        this.categories = categories;
        this.registrations = registrations;
        this.statusChanges = statusChanges;
        this.audit = audit;
    }

    /**
     * Checks a NIK as the user types: its structure (errors and warnings), and for a well-formed
     * one whether it is registered already: in the user's district as {@code registry.nik.exists}
     * with the record's name and id, elsewhere only as {@code registry.nik.registeredElsewhere}
     * (audited and counted against the user's daily limit, as at registration; past the limit a
     * {@link RuleViolation}). Nothing else is stored.
     *
     * @param editing the record being corrected (its own NIK is no conflict), or null for a new one
     */
    @PreAuthorize(REGISTRARS)
    @Transactional(readOnly = true)
    public NikCheck checkNik(String nik, LocalDate birthDate, Sex sex, String kabkotaCode, Long editing) {
        return registrations.checkTyped(nik, birthDate, sex, kabkotaCode, editing);
    }

    /**
     * Registers a person in the operator's district. A malformed NIK or missing data is refused
     * with every problem at once; NIK warnings are stored as review flags. An existing NIK is
     * refused: shown if it is in the user's district, otherwise only "already registered; contact
     * the provincial office" (audited as a hash, counted against the user's daily limit). A record resembling another (same normalised name and birth
     * date, different NIK) is registered and queued for a provincial verifier.
     */
    @PreAuthorize(REGISTRARS)
    public Registration register(NewBeneficiary n) {
        return registrations.register(n);
    }

    /**
     * Corrects a record (typically one returned for revision) against the version the operator
     * saw: the same rules as registration, the old and new values audited. A returned record's
     * reason is cleared, so it goes back to the verifier.
     */
    @PreAuthorize(REGISTRARS)
    public void update(long id, NewBeneficiary n, int version) {
        registrations.update(id, n, version);
    }

    /**
     * Moves a verified person through the programme: verified → active → graduated or exited;
     * any open record → moved or deceased. The reason is kept in the audit trail.
     */
    @PreAuthorize(VERIFIERS)
    public void changeStatus(long id, BeneficiaryStatus to, String reason, int version) {
        statusChanges.changeStatus(id, to, reason, version);
    }

    /**
     * The record as the registration form edits it (full NIK, for the operator who corrects it).
     * Audited as a view of the record with its full NIK.
     */
    @PreAuthorize(REGISTRARS)
    @Transactional
    public Optional<NewBeneficiary> forEditing(long id) {
        Optional<NewBeneficiary> form = repository.findForEditing(id);
        form.ifPresent(n -> audit.record(AuditEvent.of(RegistryAction.VIEWED).entity(RegistryEntity.BENEFICIARY, id)
                .district(n.kabkotaCode()).after(Map.of("form", "edit", "nik", "full"))));
        return form;
    }

    /** A person's record; another district's is "not found" (and audited). Each view is audited. */
    @PreAuthorize(READERS)
    @Transactional
    public Optional<BeneficiaryDetail> get(long id) {
        Optional<BeneficiaryDetail> detail = repository.findDetail(id, seesSensitive(), () -> labels().byId());
        detail.ifPresent(d -> audit.record(AuditEvent.of(RegistryAction.VIEWED).entity(RegistryEntity.BENEFICIARY, id)
                .district(d.kabkotaCode())));
        return detail;
    }

    /** The full NIK, for a stated reason (audited). */
    @PreAuthorize(READERS)
    public String revealNik(long id, String reason) {
        return disclosures.reveal(id, reason, RegistryAction.NIK_REVEALED, Map.of()).nik();
    }

    /**
     * The full KK number, for a stated reason, to whoever may reveal the NIK: audited with the
     * reason, never the number. Null when the record has no KK number (nothing is audited then).
     */
    @PreAuthorize(READERS)
    public String revealKk(long id, String reason) {
        return disclosures.reveal(id, reason, RegistryAction.KK_REVEALED, Map.of()).kkNumber();
    }

    /**
     * The full NIKs of the two records of a possible-duplicate pair, for one stated reason: one
     * NIK_REVEALED entry per record, each with the reason and the pair (the duplicate review).
     */
    @PreAuthorize(REVIEWERS)
    public List<String> revealNiksOfPair(long pairId, long newerId, long existingId, String reason) {
        return List.of(disclosures.reveal(newerId, reason, RegistryAction.NIK_REVEALED, Map.of("pair", pairId)).nik(),
                disclosures.reveal(existingId, reason, RegistryAction.NIK_REVEALED, Map.of("pair", pairId)).nik());
    }

    /**
     * What the current user may do with this record: the same guards and status rules that the
     * methods named in {@link Action} enforce, so that a button is shown exactly when its call
     * would pass the role check (the record's version and the reason are checked at the call).
     */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Set<Action> allowedActions(BeneficiaryDetail d) {
        return Capabilities.of(d);
    }

    /** What the current user may do with the list: the filters it may use and the buttons above it. */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Set<ListCapability> listCapabilities() {
        return Capabilities.ofList(seesSensitive());
    }

    /** A page of the list, newest first, after the row with id {@code beforeId} (null: from the top). */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<BeneficiarySummary> page(BeneficiaryFilter filter, Long beforeId, int limit) {
        refuseSensitiveFilter(filter, "page");
        return list.page(filter, beforeId, Math.min(Math.max(limit, 1), 500), categoryOf());
    }

    /**
     * A page of the list in the given order, continuing after the row {@code after} (the last
     * row of the previous page; null for the first page). Every order seeks on an index.
     */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<BeneficiarySummary> page(BeneficiaryFilter filter, ListOrder order, BeneficiarySummary after, int limit) {
        refuseSensitiveFilter(filter, "page");
        return list.page(filter, order, after, Math.min(Math.max(limit, 1), 500), categoryOf());
    }

    /** How many rows match, counted up to {@code cap}: no exact count over a million rows per keystroke. */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public int countUpTo(BeneficiaryFilter filter, int cap) {
        refuseSensitiveFilter(filter, "countUpTo");
        return list.countUpTo(filter, cap);
    }

    /** Verifies a registered (or returned) record. */
    @PreAuthorize(VERIFIERS)
    public void verify(long id, int version) {
        statusChanges.verify(id, version);
    }

    /** Sends a registered record back to the operator with a reason (it stays REGISTERED, with the reason shown). */
    @PreAuthorize(VERIFIERS)
    public void returnForRevision(long id, String reason, int version) {
        statusChanges.returnForRevision(id, reason, version);
    }

    /** Visible household members (same KK number). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<BeneficiarySummary> household(long id) {
        BeneficiaryRepository.Located r = repository.locate(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (r.kkNumber() == null) {
            return List.of();
        }
        return repository.household(r.kkNumber(), id);
    }

    /** Writes the rows of the current filter as XLSX (streamed), NIK masked, and audits the export. */
    @PreAuthorize(EXPORTERS)
    public int export(BeneficiaryFilter filter, XlsxSheet sheet, OutputStream out) {
        refuseSensitiveFilter(filter, "export");
        boolean sensitive = seesSensitive();
        int[] rows = {0};
        try (XlsxExport xlsx = new XlsxExport(out, sheet)) {
            list.forEach(filter, categoryOf(), r -> {
                xlsx.row(r.maskedNik(), r.fullName(), r.sex().name(), IndonesianFormat.date(r.birthDate()), r.kabkotaCode(),
                        r.kecamatanCode(), r.desaCode(), sensitive ? r.category() : "", r.status().name());
                rows[0]++;
            });
        }
        audit.record(AuditEvent.of(RegistryAction.EXPORTED).entity(RegistryEntity.BENEFICIARY, null)
                .after(Map.of("filter", filter.audited(), "rows", rows[0])));
        return rows[0];
    }

    /** The desa/kelurahan code of each visible record among {@code ids}, in one query (a list of recipients; no NIK, no category). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Map<Long, String> desaCodes(Collection<Long> ids) {
        return repository.desaCodes(ids);
    }

    /**
     * The visible records among {@code ids} as details, read in one query, for the duplicate
     * review's side-by-side comparison (not audited as views: the reviewer compares, and each
     * merge or dismissal is audited).
     */
    @PreAuthorize(REVIEWERS)
    @Transactional(readOnly = true)
    public Map<Long, BeneficiaryDetail> detailsForReview(Collection<Long> ids) {
        return repository.details(ids, seesSensitive(), () -> labels().byId());
    }

    /**
     * For each pair of visible records, which parts of their two NIKs agree (the duplicate review
     * compares them without the digits leaving the service), in the order of {@code pairs}.
     */
    @PreAuthorize(REVIEWERS)
    @Transactional(readOnly = true)
    public List<NikComparison> compareNiks(List<Map.Entry<Long, Long>> pairs) {
        Set<Long> ids = new java.util.HashSet<>();
        pairs.forEach(p -> {
            ids.add(p.getKey());
            ids.add(p.getValue());
        });
        Map<Long, String> niks = ids.isEmpty() ? Map.of() : repository.niks(ids);
        return pairs.stream().map(p -> NikComparison.of(niks.get(p.getKey()), niks.get(p.getValue()))).toList();
    }

    /** What a merge changed on the record that was merged away. */
    public record Merged(String kabkotaCode, String statusBefore) {
    }

    /** Marks a visible record MERGED into {@code keepId} (the duplicate review's merge). */
    @PreAuthorize(REVIEWERS)
    public Merged markMerged(long dropId, long keepId) {
        return statusChanges.markMerged(dropId, keepId);
    }

    /** The district of a visible record; another district's is "not found" (and audited as a denial). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public String districtOf(long id) {
        return repository.locate(id).orElseThrow(() -> new RuleViolation(null, "error.notFound")).kabkotaCode();
    }

    /**
     * Takes visible people into a programme activity of another module (a training's enrolment):
     * each must be of {@code kabkotaCode} and verified or already active in programme, or the whole
     * call is refused with the names; a verified one becomes active in programme (a status change,
     * audited with {@code reason}). Answers the records (category per role), keyed by id.
     */
    @PreAuthorize("hasAnyRole('PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR')")
    public Map<Long, BeneficiaryDetail> enterProgramme(Collection<Long> ids, String kabkotaCode, String reason) {
        Map<Long, BeneficiaryDetail> found = repository.details(ids, seesSensitive(), () -> labels().byId());
        statusChanges.enterProgramme(ids, found, kabkotaCode, reason);
        return found;
    }

    /**
     * Where a visible person lives and how they stand, for another module's work on them
     * (monitoring's visit schedule); not a view of the record (nothing personal beyond the name).
     * Another district's is "not found" (audited as a denial).
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<BeneficiaryPlace> place(long id) {
        return repository.place(id);
    }

    /**
     * Ends a visible person's programme with monitoring's outcome at 12 months: {@code GRADUATED}
     * or {@code EXITED} (from active; a verified person is made active first), each move audited
     * as a status change with the reason.
     */
    @PreAuthorize(RegistryRoles.PROGRAMME_CLOSERS)
    public void concludeProgramme(long id, BeneficiaryStatus outcome, String reason) {
        statusChanges.conclude(id, outcome, reason);
    }

    /** The ids whose history belongs to this record: itself and the records merged into it. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Long> historyIds(long id) {
        repository.locate(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        List<Long> ids = new ArrayList<>(repository.mergedInto(id));
        ids.addFirst(id);
        return ids;
    }

    /**
     * Refuses a filter on the category or the referral source from a role that may not see them
     * (the rows it returned or the count would tell them), audited like a method-security refusal.
     */
    private void refuseSensitiveFilter(BeneficiaryFilter filter, String method) {
        if (filter.filtersOnSensitive() && !seesSensitive()) {
            audit.recordDenial(AuditEvent.of(CoreAction.ACCESS_DENIED).entity(CoreEntity.METHOD, "BeneficiaryService." + method)
                    .after(Map.of("filter", filter.categoryId() != null ? "category" : "referralSource")));
            throw new AccessDeniedException("filter on category or referral source");
        }
    }

    /** Names a category id for the current user: null for roles that may not see categories. */
    private IntFunction<String> categoryOf() {
        if (!seesSensitive()) {
            return id -> null;
        }
        Map<Integer, String> names = labels().byId();
        return names::get;
    }

    private CategoryLabels labels() {
        CategoryLabels l = labels;
        if (l == null) {
            l = categories.labels();
            labels = l;
        }
        return l;
    }

    private static boolean seesSensitive() {
        return SEES_SENSITIVE.contains(CurrentUser.require().role());
    }

}
