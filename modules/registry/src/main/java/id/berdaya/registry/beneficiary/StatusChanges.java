package id.berdaya.registry.beneficiary;

import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.RegistryAction;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.db.enums.RegistryBeneficiaryStatus;
import id.berdaya.db.tables.records.RegistryBeneficiaryRecord;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Collection;
import java.util.ArrayList;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The status of a record after registration, behind {@link BeneficiaryService}: verification or
 * return for revision, the programme's moves, and the merge of a duplicate, each against the
 * version the user saw and audited.
 */
@Component
class StatusChanges {

    private final BeneficiaryRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    StatusChanges(BeneficiaryRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes verified people of one district active in programme (active ones stay so), for a
     * programme's reason; refuses the whole batch, naming each person, if anyone is not found (not
     * visible), of another district or not verified.
     */
    void enterProgramme(Collection<Long> ids, Map<Long, BeneficiaryDetail> found, String kabkotaCode, String reason) {
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
                changeStatus(d.id(), BeneficiaryStatus.ACTIVE, reason, d.version());
            }
        }
    }

    void changeStatus(long id, BeneficiaryStatus to, String reason, int version) {
        RegistryBeneficiaryRecord r = forChange(id, version);
        BeneficiaryStatus from = BeneficiaryStatus.valueOf(r.getStatus().getLiteral());
        if (!from.canMoveTo(to)) {
            throw new RuleViolation("status", "registry.status.notAllowed", from.name(), to == null ? "" : to.name());
        }
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "registry.status.reasonRequired");
        }
        r.setStatus(RegistryBeneficiaryStatus.valueOf(to.name()));
        store(r);
        audit.record(AuditEvent.of(RegistryAction.STATUS_CHANGED).entity(RegistryEntity.BENEFICIARY, id)
                .district(r.getKabkotaCode()).before(Map.of("status", from.name()))
                .after(Map.of("status", to.name(), "reason", reason.trim())));
    }

    /**
     * Ends a person's programme with an outcome of another module (monitoring's at 12 months):
     * graduated or exited, from active (a verified person is made active first, as the programme
     * entered without a training's enrolment). Each move is audited with the reason.
     */
    void conclude(long id, BeneficiaryStatus to, String reason) {
        if (to != BeneficiaryStatus.GRADUATED && to != BeneficiaryStatus.EXITED) {
            throw new RuleViolation("status", "registry.status.notAllowed", "", to == null ? "" : to.name());
        }
        RegistryBeneficiaryRecord r = repository.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (BeneficiaryStatus.valueOf(r.getStatus().getLiteral()) == BeneficiaryStatus.VERIFIED) {
            changeStatus(id, BeneficiaryStatus.ACTIVE, reason, r.getVersion());
            r = repository.find(id).orElseThrow();
        }
        changeStatus(id, to, reason, r.getVersion());
    }

    void verify(long id, int version) {
        RegistryBeneficiaryRecord r = forChange(id, version);
        if (!BeneficiaryStatus.valueOf(r.getStatus().getLiteral()).awaitsVerification()) {
            throw new RuleViolation(null, "registry.verify.notRegistered");
        }
        Map<String, Object> before = Map.of("status", r.getStatus().getLiteral());
        r.setStatus(RegistryBeneficiaryStatus.VERIFIED);
        r.setReturnReason(null);
        store(r);
        audit.record(AuditEvent.of(RegistryAction.VERIFIED).entity(RegistryEntity.BENEFICIARY, id)
                .district(r.getKabkotaCode()).before(before).after(Map.of("status", r.getStatus().getLiteral())));
    }

    void returnForRevision(long id, String reason, int version) {
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "registry.return.reasonRequired");
        }
        RegistryBeneficiaryRecord r = forChange(id, version);
        if (!BeneficiaryStatus.valueOf(r.getStatus().getLiteral()).awaitsVerification()) {
            throw new RuleViolation(null, "registry.verify.notRegistered");
        }
        r.setReturnReason(reason.trim());
        store(r);
        audit.record(AuditEvent.of(RegistryAction.RETURNED).entity(RegistryEntity.BENEFICIARY, id)
                .district(r.getKabkotaCode()).after(Map.of("reason", reason.trim())));
    }

    BeneficiaryService.Merged markMerged(long dropId, long keepId) {
        RegistryBeneficiaryRecord drop = repository.find(dropId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        String before = drop.getStatus().getLiteral();
        drop.setStatus(RegistryBeneficiaryStatus.MERGED);
        drop.setMergedInto(keepId);
        store(drop);
        return new BeneficiaryService.Merged(drop.getKabkotaCode(), before);
    }

    private RegistryBeneficiaryRecord forChange(long id, int version) {
        RegistryBeneficiaryRecord r = repository.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (r.getVersion() != version) {
            throw RuleViolation.concurrentChange();
        }
        return r;
    }

    private void store(RegistryBeneficiaryRecord r) {
        r.setUpdatedAt(now());
        repository.update(r);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
