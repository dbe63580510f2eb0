package id.berdaya.registry.beneficiary;

import id.berdaya.core.RuleViolation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PPKS categories behind {@link BeneficiaryService}: the list, the rules of a new one, and
 * the labels by id, read once and kept until a category is added or changed.
 */
@Component
class Categories {

    /** The category labels as read at {@code generation}; kept while no category was added or changed since. */
    private record Names(long generation, Map<Integer, String> names) {
    }

    private final CategoryRepository repository;
    private final AtomicLong generation = new AtomicLong();
    private volatile Names cached;

    Categories(CategoryRepository repository) {
        this.repository = repository;
    }

    List<Category> list() {
        return repository.categories();
    }

    /** Adds a category after the last one; the name is 3 to 150 characters and not taken (any case). */
    Category add(String name) {
        String n = name == null ? "" : name.trim();
        if (n.length() < 3 || n.length() > 150) {
            throw new RuleViolation("name", "registry.category.nameInvalid");
        }
        if (repository.categories().stream().anyMatch(c -> c.name().equalsIgnoreCase(n))) {
            throw new RuleViolation("name", "registry.category.nameTaken");
        }
        Category added = repository.addCategory(n);
        forget();
        return added;
    }

    void setActive(int id, boolean active) {
        if (!repository.setCategoryActive(id, active)) {
            throw new RuleViolation(null, "error.notFound");
        }
        forget();
    }

    /**
     * Category labels by id. The generation is taken before the read: names read by a transaction
     * that raced with a change carry an older generation and are never used again.
     */
    Map<Integer, String> names() {
        long g = generation.get();
        Names c = cached;
        if (c != null && c.generation() == g) {
            return c.names();
        }
        Map<Integer, String> names = Map.copyOf(repository.categoryNames());
        cached = new Names(g, names);
        return names;
    }

    /** Outdates the cached names now and again after the transaction ends (when the change becomes visible). */
    private void forget() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
