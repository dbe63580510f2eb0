package id.berdaya.registry.beneficiary;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.registry.nik.NameKey;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** The full NIK or KK number of a visible record, behind {@link BeneficiaryService}'s reveals: only for a reason, always audited. */
@Component
class Disclosures {

    private final BeneficiaryRepository repository;
    private final AuditLog audit;

    Disclosures(BeneficiaryRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** A visible record's identity numbers, the reason checked and the reveal audited (the reason and {@code context}, no number). */
    BeneficiaryRepository.Located reveal(long id, String reason, RegistryAction action, Map<String, Object> context) {
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "registry.reveal.reasonRequired");
        }
        BeneficiaryRepository.Located r = repository.locate(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (action == RegistryAction.KK_REVEALED && r.kkNumber() == null) {
            return r;
        }
        Map<String, Object> detail = new LinkedHashMap<>(context);
        detail.put("reason", NameKey.maskNiksIn(reason.trim())); // a reason may quote the number it asks for
        audit.record(AuditEvent.of(action).entity(RegistryEntity.BENEFICIARY, id).district(r.kabkotaCode()).after(detail));
        return r;
    }
}
