package id.berdaya.ui.components;

import com.vaadin.flow.component.Component;
import id.berdaya.core.audit.AuditAction;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.grants.GrantsAction;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.registry.RegistryAction;
import id.berdaya.training.TrainingAction;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The audit trail in words: actions and entity types by their labels in the user's language
 * ({@code audit.action.<code>}, {@code audit.entity.<code>}), districts by name beside their code.
 * One place, so the audit screen, the Beranda, a record's history and the XLSX export say the same.
 */
public final class AuditLabels {

    /** The modules' audited actions: enums implementing {@link AuditAction}. */
    public static final List<Class<? extends AuditAction>> ACTION_TYPES = List.of(CoreAction.class, RegistryAction.class, TrainingAction.class,
            GrantsAction.class, MonitoringAction.class);

    private final Component owner;
    private final Map<String, Kabkota> districts;

    public AuditLabels(Component owner, RegionService regions) {
        this.owner = owner;
        this.districts = regions.kabkotaByCode();
    }

    /** Every action code the modules declare, sorted. */
    public static List<String> actionCodes() {
        return ACTION_TYPES.stream().flatMap(AuditLabels::codesOf).distinct().sorted().toList();
    }

    /** The codes declared by one action enum. */
    public static Stream<String> codesOf(Class<? extends AuditAction> type) {
        return Arrays.stream(type.getEnumConstants()).map(AuditAction::code);
    }

    /** "NIK dibuka" for {@code BENEFICIARY_NIK_REVEALED}; an unknown code is shown as it is stored. */
    public String action(String code) {
        return code == null ? "" : translated("audit.action." + code, code);
    }

    /** The touched record: "Pengguna #12", "Halaman /pengguna", "Wilayah Kab. Purbalingga (33.03)", or empty. */
    public String entity(AuditEntry e) {
        if (e.entityType() == null) {
            return e.entityId() == null ? "" : e.entityId();
        }
        String type = translated("audit.entity." + e.entityType(), e.entityType());
        if (e.entityId() == null) {
            return type;
        }
        if (CoreEntity.ROUTE.code().equals(e.entityType())) {
            return type + " " + e.entityId();
        }
        if (CoreEntity.REGION.code().equals(e.entityType())) {
            return type + " " + district(e.entityId());
        }
        return type + " #" + e.entityId();
    }

    /** "Kab. Purbalingga (33.03)"; an unknown code as it is; none as empty. */
    public String district(String code) {
        if (code == null) {
            return "";
        }
        Kabkota k = districts.get(code);
        return k == null ? code : k.displayName() + " (" + code + ")";
    }

    /** The event's district and, for a probe of another district's record, that district after an arrow. */
    public String districts(AuditEntry e) {
        return e.subjectKabkotaCode() == null ? district(e.kabkotaCode())
                : (e.kabkotaCode() == null ? "" : district(e.kabkotaCode()) + " ") + "→ " + district(e.subjectKabkotaCode());
    }

    /** The role's name, or empty for an event without a user role (a failed sign-in). */
    public String role(String role) {
        return role == null ? "" : translated("role." + role, role);
    }

    private String translated(String key, String fallback) {
        String text = owner.getTranslation(key);
        return text == null || text.isBlank() || text.contains(key) ? fallback : text;
    }
}
