package id.berdaya.core.figures;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The counts behind the registry's, training's and grants' {@link FigureSource}s: kept by
 * database triggers in the transaction of every change (V045, ADR 0006), read here per
 * kabupaten/kota or per kecamatan, in total or over a range of months. Only figure sources and
 * the generators' rebuild use it; it applies no scope (the scorecard service does).
 */
@Component
public class FigureCounts {

    private final FigureCountRepository repository;

    FigureCounts(FigureCountRepository repository) {
        this.repository = repository;
    }

    /** A change of one count: {@code n} more (or fewer) of a figure in a kecamatan and month. */
    public record Delta(Figure figure, String kabkotaCode, String kecamatanCode, LocalDate month, long n) {
        String key() {
            return figure.name() + ' ' + kabkotaCode + ' ' + kecamatanCode + ' ' + month;
        }
    }

    /**
     * Runs a bulk load whose rows the triggers do not count one by one: the loader adds them with
     * {@link #add} per kecamatan and month, in the same transaction (the import). Must be called
     * inside the caller's transaction, so that the session setting and the load share a connection.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public <T> T deferringTriggers(java.util.function.Supplier<T> load) {
        repository.deferTriggers(true);
        try {
            return load.get();
        } finally {
            repository.deferTriggers(false);
        }
    }

    /** Adds deltas in the caller's transaction (a bulk load that counts its rows itself). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void add(List<Delta> deltas) {
        repository.add(deltas);
    }

    /** Per kabupaten/kota, all months. */
    @Transactional(readOnly = true)
    public Map<String, Map<Figure, Long>> byKabkota(Collection<Figure> figures) {
        return repository.sums(figures, null, null, null);
    }

    /** Per kecamatan of one kabupaten/kota ('' for people living elsewhere), all months. */
    @Transactional(readOnly = true)
    public Map<String, Map<Figure, Long>> byKecamatan(Collection<Figure> figures, String kabkotaCode) {
        return repository.sums(figures, kabkotaCode, null, null);
    }

    /**
     * The months from {@code from} to {@code to} (whole months: the counts have no days), per
     * kabupaten/kota when {@code kabkotaCode} is null, else per kecamatan of it.
     */
    @Transactional(readOnly = true)
    public Map<String, Map<Figure, Long>> inMonths(Collection<Figure> figures, String kabkotaCode, LocalDate from, LocalDate to) {
        return repository.sums(figures, kabkotaCode, from == null ? null : from.withDayOfMonth(1),
                to == null ? null : to.withDayOfMonth(1));
    }

    /**
     * Month by month from {@code from} to {@code to} (whole months), the figures' sums over the
     * province ({@code kabkotaCode} null) or one kabupaten/kota; months without a count are absent.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Map<Figure, Long>> perMonth(Collection<Figure> figures, String kabkotaCode, LocalDate from, LocalDate to) {
        return repository.monthly(figures, kabkotaCode, from.withDayOfMonth(1), to.withDayOfMonth(1));
    }

    /** The naive way, for the benchmark: the same totals by a GROUP BY over the source tables. */
    @Transactional(readOnly = true)
    public Map<String, Map<Figure, Long>> countedFromSources(Collection<Figure> figures, String kabkotaCode) {
        return repository.sourceSums(figures, kabkotaCode);
    }

    /** Where the counts and the source tables disagree (empty when they agree). */
    @Transactional(readOnly = true)
    public List<String> differences() {
        return repository.differences();
    }

    /** Counts everything again from the source tables (after a bulk load that deferred its counts, or to repair). */
    @Transactional
    public void rebuild() {
        repository.rebuild();
    }
}
