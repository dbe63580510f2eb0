package id.berdaya.registry.category;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The category labels by id ("10. Tuna Susila"), read once and kept until a category is added or
 * changed. {@link CategoryService#labels()} hands out the one instance (method security applies
 * there, once); a caller on a hot path, such as the register list, keeps it and asks
 * {@link #byId()} on every call without passing through a proxy again. The labels are reference
 * data, no personal data: who may see a person's category is decided where the person is read.
 */
public final class CategoryLabels {

    /** The labels as read at {@code generation}; kept while no category was added or changed since. */
    private record Read(long generation, Map<Integer, String> labels) {
    }

    private final CategoryRepository repository;
    private final AtomicLong generation = new AtomicLong();
    private volatile Read cached;

    CategoryLabels(CategoryRepository repository) {
        this.repository = repository;
    }

    /**
     * The labels by category id. The generation is taken before the read: labels read by a
     * transaction that raced with a change carry an older generation and are never used again.
     */
    public Map<Integer, String> byId() {
        long g = generation.get();
        Read c = cached;
        if (c != null && c.generation() == g) {
            return c.labels();
        }
        Map<Integer, String> labels = Map.copyOf(repository.categoryNames());
        cached = new Read(g, labels);
        return labels;
    }

    /** Outdates the cached labels now and again after the transaction ends (when the change becomes visible). */
    void forget() {
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
