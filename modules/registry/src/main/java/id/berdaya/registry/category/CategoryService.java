package id.berdaya.registry.category;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.registry.RegistryRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * The PPKS categories (Permensos 08/2012, extendable by province administrators): the list, the
 * rules of a new one, and their labels by id ({@link CategoryLabels}). Reference data of the province, not district-owned. Who sees a person's category is
 * the beneficiary service's business; the list of categories itself is no secret.
 */
@Service
@Transactional
public class CategoryService {

    private final CategoryRepository repository;
    private final AuditLog audit;
    private final CategoryLabels labels;

    CategoryService(CategoryRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
        this.labels = new CategoryLabels(repository);
    }

    /** Every category, active or not, by number. */
    @PreAuthorize(RegistryRoles.READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Category> list() {
        return repository.categories();
    }

    /**
     * Adds a category after the last one (province administrators); the name is 3 to 150
     * characters and not taken (any case). Audited.
     */
    @PreAuthorize(RegistryRoles.ADMINISTRATORS)
    public Category add(String name) {
        String n = name == null ? "" : name.trim();
        if (n.length() < 3 || n.length() > 150) {
            throw new RuleViolation("name", "registry.category.nameInvalid");
        }
        if (repository.categories().stream().anyMatch(c -> c.name().equalsIgnoreCase(n))) {
            throw new RuleViolation("name", "registry.category.nameTaken");
        }
        Category added = repository.addCategory(n);
        forget();
        audit.record(AuditEvent.of(RegistryAction.CATEGORY_ADDED).entity(RegistryEntity.CATEGORY, added.id())
                .after(Map.of("number", added.number(), "name", added.name())));
        return added;
    }

    /** Hides a category from new registrations (existing records keep it), or shows it again. Audited. */
    @PreAuthorize(RegistryRoles.ADMINISTRATORS)
    public void setActive(int id, boolean active) {
        if (!repository.setCategoryActive(id, active)) {
            throw new RuleViolation(null, "error.notFound");
        }
        forget();
        audit.record(AuditEvent.of(RegistryAction.CATEGORY_CHANGED).entity(RegistryEntity.CATEGORY, id)
                .after(Map.of("active", active)));
    }

    /** The labels by category id, as a handle that a hot path keeps (see {@link CategoryLabels}). */
    @PreAuthorize(RegistryRoles.READERS)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public CategoryLabels labels() {
        return labels;
    }

    private void forget() {
        labels.forget();
    }
}
