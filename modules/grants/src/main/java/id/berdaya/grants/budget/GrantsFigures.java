package id.berdaya.grants.budget;

import id.berdaya.core.figures.CountedFigures;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Grants' part of the scorecards: proposals submitted, approved by the province and handed over
 * (all years, from the counts kept by triggers, V045); for the absorption of today's budget year
 * the ceilings ({@code grants_ceiling}, 35 rows a year) and the rupiah approved in that year.
 */
@Component
public class GrantsFigures extends CountedFigures {

    private static final Set<Figure> COUNTED = Set.of(Figure.PROPOSALS_SUBMITTED, Figure.PROPOSALS_APPROVED,
            Figure.PROPOSALS_HANDED_OVER, Figure.APPROVED_RUPIAH);

    private final CeilingRepository ceilings;

    GrantsFigures(FigureCounts counts, CeilingRepository ceilings) {
        super(counts, COUNTED);
        this.ceilings = ceilings;
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.PROPOSALS_SUBMITTED, Figure.PROPOSALS_APPROVED, Figure.PROPOSALS_HANDED_OVER,
                Figure.APPROVED_RUPIAH, Figure.CEILING_RUPIAH);
    }

    @Override
    public Map<String, Map<Figure, Long>> byKabkota(LocalDate today) {
        Map<String, Map<Figure, Long>> out = copy(super.byKabkota(today));
        Map<String, Map<Figure, Long>> year = counts().inMonths(Set.of(Figure.APPROVED_RUPIAH), null,
                today.withDayOfYear(1), today);
        out.values().forEach(m -> m.remove(Figure.APPROVED_RUPIAH));
        year.forEach((k, m) -> out.computeIfAbsent(k, x -> new EnumMap<>(Figure.class)).putAll(m));
        for (Ceiling c : ceilings.ofYear(today.getYear())) {
            out.computeIfAbsent(c.kabkotaCode(), x -> new EnumMap<>(Figure.class)).put(Figure.CEILING_RUPIAH, c.pagu());
        }
        return out;
    }

    @Override
    public Map<String, Map<Figure, Long>> byKecamatan(String kabkotaCode, LocalDate today) {
        Map<String, Map<Figure, Long>> out = copy(super.byKecamatan(kabkotaCode, today));
        Map<String, Map<Figure, Long>> year = counts().inMonths(Set.of(Figure.APPROVED_RUPIAH), kabkotaCode,
                today.withDayOfYear(1), today);
        out.values().forEach(m -> m.remove(Figure.APPROVED_RUPIAH));
        year.forEach((k, m) -> out.computeIfAbsent(k, x -> new EnumMap<>(Figure.class)).putAll(m));
        return out;
    }

    private static Map<String, Map<Figure, Long>> copy(Map<String, Map<Figure, Long>> in) {
        Map<String, Map<Figure, Long>> out = new TreeMap<>();
        in.forEach((k, m) -> out.put(k, new EnumMap<>(m)));
        return out;
    }
}
