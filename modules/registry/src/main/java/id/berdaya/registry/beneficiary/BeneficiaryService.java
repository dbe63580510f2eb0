package id.berdaya.registry.beneficiary;

import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.Sex;
import id.berdaya.registry.nik.NikCheck;
import id.berdaya.registry.nik.NikValidator;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
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
 * The category names are read once and kept until a category changes.
 */
@Service
@Transactional
public class BeneficiaryService {

    /** The entity type of a beneficiary in the audit trail. */
    public static final String ENTITY = "BENEFICIARY";

    public static final String READERS = "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR','FIELD_OFFICER')";
    public static final String REGISTRARS = "hasRole('DISTRICT_OPERATOR')";
    public static final String VERIFIERS = "hasAnyRole('DISTRICT_HEAD','PROVINCE_OFFICER')";
    /** The provincial verifiers who review possible duplicates. */
    public static final String REVIEWERS = "hasRole('PROVINCE_OFFICER')";
    public static final String EXPORTERS = "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER','DISTRICT_HEAD','DISTRICT_OPERATOR')";
    /** Roles that see the PPKS category and sensitive notes (special personal data under UU 27/2022). */
    static final Set<Role> SEES_SENSITIVE = EnumSet.of(Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_HEAD, Role.DISTRICT_OPERATOR);

    private final BeneficiaryRepository repository;
    private final BeneficiaryListRepository list;
    private final Categories categories;
    private final Registrations registrations;
    private final StatusChanges statusChanges;
    private final RegionService regions;
    private final AuditLog audit;

    BeneficiaryService(BeneficiaryRepository repository, BeneficiaryListRepository list, Categories categories,
                       Registrations registrations, StatusChanges statusChanges, RegionService regions, AuditLog audit) {
        this.repository = repository;
        this.list = list;
        this.categories = categories;
        this.registrations = registrations;
        this.statusChanges = statusChanges;
        this.regions = regions;
        this.audit = audit;
    }

    /** Checks a NIK as the user types (errors and warnings, nothing stored). */
    @PreAuthorize(REGISTRARS)
    @Transactional(readOnly = true)
    public NikCheck checkNik(String nik, LocalDate birthDate, Sex sex, String kabkotaCode) {
        return new NikValidator(regions.codes()).check(nik, birthDate, sex, kabkotaCode);
    }

    /**
     * Registers a person in the operator's district. A malformed NIK or missing data is refused
     * with every problem at once; NIK warnings are stored as review flags. An existing NIK is
     * refused: shown if it is in the user's district, otherwise only "registered in another
     * district" and whom to contact. A record resembling another (same normalised name and birth
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
        form.ifPresent(n -> audit.record(RegistryAction.VIEWED, BeneficiaryService.ENTITY, id, n.kabkotaCode(), null,
                Map.of("form", "edit", "nik", "full")));
        return form;
    }

    /** A person's record; another district's is "not found" (and audited). Each view is audited. */
    @PreAuthorize(READERS)
    @Transactional
    public Optional<BeneficiaryDetail> get(long id) {
        Optional<BeneficiaryDetail> detail = repository.findDetail(id, seesSensitive(), categories::names);
        detail.ifPresent(d -> audit.record(RegistryAction.VIEWED, BeneficiaryService.ENTITY, id, d.kabkotaCode(), null, null));
        return detail;
    }

    /** The full NIK, for a stated reason (audited). */
    @PreAuthorize(READERS)
    public String revealNik(long id, String reason) {
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "registry.reveal.reasonRequired");
        }
        BeneficiaryRepository.Located r = repository.locate(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        audit.record(RegistryAction.NIK_REVEALED, BeneficiaryService.ENTITY, id, r.kabkotaCode(), null,
                Map.of("reason", reason.trim()));
        return r.nik();
    }

    /** A page of the list, newest first, after the row with id {@code beforeId} (null: from the top). */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<BeneficiarySummary> page(BeneficiaryFilter filter, Long beforeId, int limit) {
        return list.page(filter, beforeId, Math.min(Math.max(limit, 1), 500), categoryOf());
    }

    /**
     * A page of the list in the given order, continuing after the row {@code after} (the last
     * row of the previous page; null for the first page). Every order seeks on an index.
     */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<BeneficiarySummary> page(BeneficiaryFilter filter, ListOrder order, BeneficiarySummary after, int limit) {
        return list.page(filter, order, after, Math.min(Math.max(limit, 1), 500), categoryOf());
    }

    /** How many rows match, counted up to {@code cap}: no exact count over a million rows per keystroke. */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public int countUpTo(BeneficiaryFilter filter, int cap) {
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
    public int export(BeneficiaryFilter filter, List<String> headers, OutputStream out) {
        boolean sensitive = seesSensitive();
        int[] rows = {0};
        try (XlsxExport xlsx = new XlsxExport(out, "Penerima Manfaat", headers)) {
            list.forEach(filter, categoryOf(), r -> {
                xlsx.row(r.maskedNik(), r.fullName(), r.sex().name(), IndonesianFormat.date(r.birthDate()), r.kabkotaCode(),
                        r.kecamatanCode(), r.desaCode(), sensitive ? r.category() : "", r.status().name());
                rows[0]++;
            });
        }
        audit.record(RegistryAction.EXPORTED, BeneficiaryService.ENTITY, null, null, null,
                Map.of("filter", filter.toString(), "rows", rows[0]));
        return rows[0];
    }

    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Category> categories() {
        return categories.list();
    }

    /** Visible beneficiaries per kabupaten/kota (for the map). */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<String, Integer> countByKabkota() {
        return repository.countByKabkota();
    }

    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<BeneficiaryStatus, Integer> countByStatus() {
        return repository.countByStatus();
    }

    /** Visible beneficiaries per category; empty for roles that may not see categories. */
    @PreAuthorize(READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<String, Integer> countByCategory() {
        return seesSensitive() ? repository.countByCategory() : Map.of();
    }

    /**
     * The visible records among {@code ids} as details, read in one query, for the duplicate
     * review's side-by-side comparison (not audited as views: the reviewer compares, and each
     * merge or dismissal is audited).
     */
    @PreAuthorize(REVIEWERS)
    @Transactional(readOnly = true)
    public Map<Long, BeneficiaryDetail> detailsForReview(Collection<Long> ids) {
        return repository.details(ids, seesSensitive(), categories::names);
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
        Map<Long, BeneficiaryDetail> found = repository.details(ids, seesSensitive(), categories::names);
        List<RuleViolation.Problem> problems = new ArrayList<>();
        for (Long id : ids) {
            BeneficiaryDetail d = found.get(id);
            if (d == null) {
                problems.add(new RuleViolation.Problem("beneficiary", "registry.programme.notFound", id));
            } else if (!d.kabkotaCode().equals(kabkotaCode)) {
                problems.add(new RuleViolation.Problem("beneficiary", "registry.programme.otherDistrict", d.fullName()));
            } else if (d.status() != BeneficiaryStatus.VERIFIED && d.status() != BeneficiaryStatus.ACTIVE) {
                problems.add(new RuleViolation.Problem("beneficiary", "registry.programme.notVerified", d.fullName()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        for (BeneficiaryDetail d : found.values()) {
            if (d.status() == BeneficiaryStatus.VERIFIED) {
                statusChanges.changeStatus(d.id(), BeneficiaryStatus.ACTIVE, reason, d.version());
            }
        }
        return found;
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

    /** Names a category id for the current user: null for roles that may not see categories. */
    private IntFunction<String> categoryOf() {
        if (!seesSensitive()) {
            return id -> null;
        }
        Map<Integer, String> names = categories.names();
        return names::get;
    }

    /** Adds a category after the 26 of Permensos 08/2012 (province administrators). */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public Category addCategory(String name) {
        Category added = categories.add(name);
        audit.record(RegistryAction.CATEGORY_ADDED, "CATEGORY", added.id(), null, null,
                Map.of("number", added.number(), "name", added.name()));
        return added;
    }

    /** Hides a category from new registrations (existing records keep it), or shows it again. */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public void setCategoryActive(int id, boolean active) {
        categories.setActive(id, active);
        audit.record(RegistryAction.CATEGORY_CHANGED, "CATEGORY", id, null, null, Map.of("active", active));
    }

    private static boolean seesSensitive() {
        return SEES_SENSITIVE.contains(CurrentUser.require().role());
    }

}
