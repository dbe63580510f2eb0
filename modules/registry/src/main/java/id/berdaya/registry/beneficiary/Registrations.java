package id.berdaya.registry.beneficiary;

import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.registration.RegistrationRules;
import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.Sex;
import id.berdaya.registry.lookup.ForeignNikService;
import id.berdaya.registry.nik.NameKey;
import id.berdaya.registry.nik.NikCheck;
import id.berdaya.registry.nik.NikValidator;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.RuleViolation.Problem;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.db.enums.RegistryBeneficiaryStatus;
import id.berdaya.db.tables.records.RegistryBeneficiaryRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registration and correction behind {@link BeneficiaryService}: the form's rules, the refusal of
 * a NIK that is registered already (here, or elsewhere without naming where: counted and audited
 * by {@link ForeignNikService}), the name tokens, the possible duplicates and the audit entry.
 */
@Component
class Registrations {

    private final BeneficiaryRepository repository;
    private final CategoryService categories;
    private final ApplicationEventPublisher events;
    private final RegionService regions;
    private final AuditLog audit;
    private final ForeignNikService foreign;
    private final Clock clock;

    Registrations(BeneficiaryRepository repository, CategoryService categories, ApplicationEventPublisher events, RegionService regions,
                  AuditLog audit, ForeignNikService foreign, Clock clock) {
        this.repository = repository;
        this.categories = categories;
        this.events = events;
        this.regions = regions;
        this.audit = audit;
        this.foreign = foreign;
        this.clock = clock;
    }

    /**
     * The NIK as the operator typed it: its structure and, when well-formed, whether it is
     * registered already (in the user's district: named, with the record's id; elsewhere: only
     * that it is, counted and audited as at registration).
     *
     * @param editing the record being corrected (its own NIK is no conflict), or null
     */
    NikCheck checkTyped(String nik, LocalDate birthDate, Sex sex, String kabkotaCode, Long editing) {
        NikCheck check = new NikValidator(regions.codes()).check(nik, birthDate, sex, kabkotaCode);
        if (!check.valid()) {
            return check;
        }
        foreign.requireWithinLimit(ForeignNikService.Via.FORM);
        Optional<Problem> registered = registeredAlready(nik.trim(), editing);
        if (registered.isEmpty()) {
            return check;
        }
        List<Problem> errors = new ArrayList<>(check.errors());
        errors.add(registered.get());
        return new NikCheck(List.copyOf(errors), check.warnings(), check.birthDay(), check.sex());
    }

    Registration register(NewBeneficiary n) {
        BerdayaUser me = CurrentUser.require();
        RegistrationRules.Checked checked = rules().check(n, me.kabkotaCode() == null ? "" : me.kabkotaCode());
        if (!checked.ok()) {
            throw new RuleViolation(checked.errors());
        }
        String nik = checked.nik();
        NikCheck nikCheck = checked.nikCheck();
        refuseExistingNik(nik);

        RegistryBeneficiaryRecord r = repository.newRecordIn(n.kabkotaCode());
        BeneficiaryRows.apply(r, n, nik, nikCheck);
        r.setStatus(RegistryBeneficiaryStatus.REGISTERED);
        r.setCreatedBy(me.getUsername());
        r.setCreatedAt(now());
        r.setUpdatedAt(r.getCreatedAt());
        repository.insert(r);
        repository.storeTokens(r.getId(), r.getKabkotaCode(), NameKey.tokens(r.getFullName()));

        int similar = 0;
        for (long other : repository.similar(r.getNameKey(), r.getBirthDate(), r.getId())) {
            events.publishEvent(new PossibleDuplicate(r.getId(), other, r.getKabkotaCode(), "NAME_BIRTHDATE"));
            similar++;
        }
        audit.record(AuditEvent.of(RegistryAction.REGISTERED).entity(RegistryEntity.BENEFICIARY, r.getId())
                .district(r.getKabkotaCode()).after(BeneficiaryRows.snapshot(r, true)));
        return new Registration(r.getId(), nikCheck.warnings(), similar);
    }

    void update(long id, NewBeneficiary n, int version) {
        RegistryBeneficiaryRecord r = repository.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (r.getVersion() != version) {
            throw RuleViolation.concurrentChange();
        }
        if (!BeneficiaryStatus.valueOf(r.getStatus().getLiteral()).correctable()) {
            throw new RuleViolation(null, "registry.update.closed");
        }
        RegistrationRules.Checked checked = rules().check(n, r.getKabkotaCode());
        if (!checked.ok()) {
            throw new RuleViolation(checked.errors());
        }
        String nik = checked.nik();
        NikCheck nikCheck = checked.nikCheck();
        if (!nik.equals(r.getNik())) {
            refuseExistingNik(nik);
        }
        Map<String, Object> before = BeneficiaryRows.fullSnapshot(r);
        String oldNik = r.getNik();
        String oldNotes = r.getNotesSensitive();
        BeneficiaryRows.apply(r, n, nik, nikCheck);
        r.setReturnReason(null);
        if (RegistryBeneficiaryStatus.VERIFIED.equals(r.getStatus())) {
            r.setStatus(RegistryBeneficiaryStatus.REGISTERED); // a changed record is verified again
        }
        store(r);
        repository.storeTokens(r.getId(), r.getKabkotaCode(), NameKey.tokens(r.getFullName()));
        Map<String, Object> after = BeneficiaryRows.fullSnapshot(r);
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!java.util.Objects.equals(before.get(k), v)) {
                changedBefore.put(k, before.get(k));
                changedAfter.put(k, v);
            }
        });
        if (!oldNik.equals(r.getNik())) {
            changedBefore.put("nik", NameKey.maskNik(oldNik));
            changedAfter.put("nik", NameKey.maskNik(r.getNik()));
        }
        if (!java.util.Objects.equals(oldNotes, r.getNotesSensitive())) {
            changedAfter.put("sensitiveNotes", "changed"); // the text itself stays out of the trail
        }
        audit.record(AuditEvent.of(RegistryAction.UPDATED).entity(RegistryEntity.BENEFICIARY, id)
                .district(r.getKabkotaCode()).before(changedBefore).after(changedAfter));
    }

    private void refuseExistingNik(String nik) {
        foreign.requireWithinLimit(ForeignNikService.Via.FORM);
        Optional<Problem> registered = registeredAlready(nik, null);
        if (registered.isEmpty()) {
            return;
        }
        Problem p = registered.get();
        if (p.key().equals("registry.nik.exists")) {
            audit.recordDenial(AuditEvent.of(RegistryAction.DUPLICATE_REFUSED).entity(RegistryEntity.BENEFICIARY, p.args().get(1)));
        }
        throw new RuleViolation(List.of(p));
    }

    /**
     * Whether a NIK is registered: in a record the user sees (its name and id), or elsewhere (only
     * that, after {@link ForeignNikService} counted and audited the match; past the user's daily
     * limit it refuses instead).
     */
    private Optional<Problem> registeredAlready(String nik, Long editing) {
        if (repository.districtOfNik(nik).isEmpty()) {
            return Optional.empty();
        }
        Optional<RegistryBeneficiaryRecord> mine = repository.findVisibleByNik(nik);
        if (mine.isPresent() && mine.get().getId().equals(editing)) {
            return Optional.empty();
        }
        if (mine.isPresent()) {
            return Optional.of(new Problem("nik", "registry.nik.exists", mine.get().getFullName(), mine.get().getId()));
        }
        foreign.foundElsewhere(List.of(nik), ForeignNikService.Via.FORM);
        return Optional.of(new Problem("nik", "registry.nik.registeredElsewhere"));
    }

    /** The rules of the registration form, shared with the import. */
    private RegistrationRules rules() {
        return new RegistrationRules(new NikValidator(regions.codes()), RegistrationRules.live(regions), categories::list,
                LocalDate.now(clock.withZone(IndonesianFormat.WIB)));
    }

    private void store(RegistryBeneficiaryRecord r) {
        r.setUpdatedAt(now());
        repository.update(r);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
