package id.berdaya.core.figures;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FigureSource} whose figures are all kept in {@link FigureCounts}: a module's bean
 * names its figures and inherits the reads (totals over all months; {@link #inPeriod} over the
 * period's months).
 */
public abstract class CountedFigures implements FigureSource {

    private final FigureCounts counts;
    private final Set<Figure> figures;

    protected CountedFigures(FigureCounts counts, Set<Figure> figures) {
        this.counts = counts;
        this.figures = Set.copyOf(figures);
    }

    @Override
    public Set<Figure> provides() {
        return figures;
    }

    @Override
    public Map<String, Map<Figure, Long>> byKabkota(LocalDate today) {
        return counts.byKabkota(figures);
    }

    @Override
    public Map<String, Map<Figure, Long>> byKecamatan(String kabkotaCode, LocalDate today) {
        return counts.byKecamatan(figures, kabkotaCode);
    }

    @Override
    public Map<String, Map<Figure, Long>> inPeriod(String kabkotaCode, LocalDate from, LocalDate to) {
        return counts.inMonths(figures, kabkotaCode, from, to);
    }

    /** The counts, for a subclass that reads some figures differently. */
    protected final FigureCounts counts() {
        return counts;
    }
}
