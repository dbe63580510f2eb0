package id.berdaya.monitoring.scorecard;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureSource;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.MonitoringRoles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scorecards of the Beranda: per kabupaten/kota for provincial roles, per kecamatan of one
 * district for that district's roles (and for provincial roles who open it), joined from every
 * module's {@link FigureSource}. A partner sees their own district's aggregates only, and every
 * cell under 5 as "&lt;5" (the value never leaves this service). Exports are audited.
 */
@Service
@Transactional(readOnly = true)
public class ScorecardService {

    /** Cells under this are suppressed for partners. */
    public static final int SMALL_CELL = 5;

    private static final String PROVINCIAL = "hasAnyRole('PROVINCE_ADMIN','PROVINCE_OFFICER')";
    private static final String ANYONE = "isAuthenticated()";
    /** The flow chart's stages, in order. */
    public static final List<Figure> FLOW = List.of(Figure.REGISTERED, Figure.TRAINING_COMPLETED, Figure.PROPOSALS_APPROVED,
            Figure.PROPOSALS_HANDED_OVER, Figure.GRADUATED);

    private final ObjectProvider<FigureSource> sources;
    private final RegionService regions;
    private final DistrictScope scope;
    private final AuditLog audit;
    private final Clock clock;

    ScorecardService(ObjectProvider<FigureSource> sources, RegionService regions, DistrictScope scope, AuditLog audit, Clock clock) {
        this.sources = sources;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the current user's Beranda is the province's (one row per kabupaten/kota). */
    @PreAuthorize(ANYONE)
    public boolean seesProvince() {
        return !CurrentUser.require().role().isDistrictLevel();
    }

    /** Whether the current user sees small cells as "&lt;5" (a partner). */
    @PreAuthorize(ANYONE)
    public boolean suppressesSmallCells() {
        return CurrentUser.require().role() == Role.PARTNER;
    }

    /** The province's scorecard: one row per kabupaten/kota. */
    @PreAuthorize(PROVINCIAL)
    public Scorecard province() {
        LocalDate today = today();
        List<Indicator> given = available();
        Map<String, Map<Figure, Long>> figures = join(s -> s.byKabkota(today));
        List<ScorecardRow> rows = new ArrayList<>();
        Map<Figure, Long> total = new EnumMap<>(Figure.class);
        for (var k : regions.kabkota()) {
            Map<Figure, Long> f = figures.getOrDefault(k.code(), Map.of());
            f.forEach((fig, n) -> total.merge(fig, n, Long::sum));
            rows.add(row(k.code(), k.displayName(), f, false, given));
        }
        return new Scorecard(null, today, rows, row(null, null, total, false, given), given, false);
    }

    /**
     * A district's scorecard: one row per kecamatan, the district's total last. Another district's
     * is refused for a district role (audited as a scope denial).
     */
    @PreAuthorize(ANYONE)
    public Scorecard district(String kabkotaCode) {
        if (!scope.canSee(kabkotaCode)) {
            scope.denied(MonitoringEntity.SCORECARD, kabkotaCode, kabkotaCode);
            throw new AccessDeniedException("scorecard of " + kabkotaCode);
        }
        boolean small = suppressesSmallCells();
        LocalDate today = today();
        List<Indicator> given = available();
        Map<String, Map<Figure, Long>> byKec = join(s -> s.byKecamatan(kabkotaCode, today));
        List<ScorecardRow> rows = new ArrayList<>();
        for (var k : regions.kecamatan(kabkotaCode)) {
            rows.add(row(k.code(), k.name(), byKec.getOrDefault(k.code(), Map.of()), small, given));
        }
        Map<Figure, Long> total = join(s -> s.byKabkota(today)).getOrDefault(kabkotaCode, Map.of());
        String name = regions.kabkota(kabkotaCode).map(k -> k.displayName()).orElse(kabkotaCode);
        return new Scorecard(kabkotaCode, today, rows, row(kabkotaCode, name, total, small, given), given, small);
    }

    /** The indicators that have a meaning for a past period (state figures such as visits due are left out). */
    public static final Set<Indicator> OF_A_PERIOD = EnumSet.of(Indicator.REGISTERED, Indicator.VERIFIED, Indicator.TRAINING_COMPLETED,
            Indicator.TRAINING_ENROLLED, Indicator.PROPOSALS_SUBMITTED, Indicator.PROPOSALS_APPROVED, Indicator.PROPOSALS_HANDED_OVER,
            Indicator.VISITS_DONE, Indicator.RUNNING_6M_PCT, Indicator.RUNNING_12M_PCT);

    /**
     * What happened from {@code from} to {@code to}: per kabupaten/kota ({@code kabkotaCode} null,
     * provincial roles) or per kecamatan of a district within scope; the same small-cell rule.
     * Its {@code asOf} is {@code to}.
     */
    @PreAuthorize(ANYONE)
    public Scorecard inPeriod(String kabkotaCode, LocalDate from, LocalDate to) {
        if (!scope.visibility().covers(kabkotaCode)) {
            if (kabkotaCode != null) {
                scope.denied(MonitoringEntity.REPORT, kabkotaCode, kabkotaCode);
            }
            throw new AccessDeniedException("period of " + kabkotaCode);
        }
        boolean small = suppressesSmallCells();
        List<Indicator> given = available().stream().filter(OF_A_PERIOD::contains).toList();
        Map<String, Map<Figure, Long>> figures = join(s -> s.inPeriod(kabkotaCode, from, to));
        List<ScorecardRow> rows = new ArrayList<>();
        Map<Figure, Long> total = new EnumMap<>(Figure.class);
        figures.values().forEach(m -> m.forEach((fig, n) -> total.merge(fig, n, Long::sum)));
        if (kabkotaCode == null) {
            for (var k : regions.kabkota()) {
                rows.add(row(k.code(), k.displayName(), figures.getOrDefault(k.code(), Map.of()), small, given));
            }
        } else {
            for (var k : regions.kecamatan(kabkotaCode)) {
                rows.add(row(k.code(), k.name(), figures.getOrDefault(k.code(), Map.of()), small, given));
            }
        }
        String name = kabkotaCode == null ? null : regions.kabkota(kabkotaCode).map(k -> k.displayName()).orElse(kabkotaCode);
        return new Scorecard(kabkotaCode, to, rows, row(kabkotaCode, name, total, small, given), given, small);
    }

    /**
     * People in the register per kabupaten/kota, as the scorecard counts them (kept counts, no scan
     * of the register): every district for provincial roles, their own for district staff. For
     * those who may read the register (never a partner); the regions page colours its map with it.
     */
    @PreAuthorize(MonitoringRoles.READERS)
    public Map<String, Long> registeredByKabkota() {
        LocalDate today = today();
        DistrictScope.Visibility visible = scope.visibility();
        Map<String, Long> out = new TreeMap<>();
        sources.orderedStream().filter(s -> s.provides().contains(Figure.REGISTERED)).forEach(s -> s.byKabkota(today).forEach((k, m) -> {
            Long n = m.get(Figure.REGISTERED);
            if (n != null && visible.includes(k)) {
                out.merge(k, n, Long::sum);
            }
        }));
        return out;
    }

    /** The current user's scorecard: the province's for provincial roles, else their district's. */
    @PreAuthorize(ANYONE)
    public Scorecard mine() {
        BerdayaUser me = CurrentUser.require();
        return me.role().isDistrictLevel() ? district(me.kabkotaCode()) : province();
    }

    /**
     * The flow from registered to trained, approved, handed over and graduated, per year, for the
     * province (null) or one district within scope; a partner's small numbers are null (shown as "&lt;5").
     */
    @PreAuthorize(ANYONE)
    public Map<Integer, Map<Figure, Long>> flow(String kabkotaCode, int fromYear, int toYear) {
        if (!scope.visibility().covers(kabkotaCode)) {
            throw new AccessDeniedException("flow of " + kabkotaCode);
        }
        boolean small = suppressesSmallCells();
        Map<Integer, Map<Figure, Long>> out = new TreeMap<>();
        for (int y = fromYear; y <= toYear; y++) {
            LocalDate from = LocalDate.of(y, 1, 1);
            LocalDate to = LocalDate.of(y, 12, 31);
            // per kabupaten/kota for the province, per kecamatan of the district: either way summed
            Map<String, Map<Figure, Long>> period = join(s -> s.inPeriod(kabkotaCode, from, to));
            Map<Figure, Long> year = new EnumMap<>(Figure.class);
            for (Figure f : FLOW) {
                long n = period.values().stream().mapToLong(m -> m.getOrDefault(f, 0L)).sum();
                year.put(f, small && n < SMALL_CELL ? null : n);
            }
            out.put(y, year);
        }
        return out;
    }

    /**
     * Writes the scorecard as XLSX (the province's, or one district's within scope): numbers as
     * numbers, suppressed cells as "&lt;5", no person; audited with the rows written.
     */
    @PreAuthorize(ANYONE)
    public int export(String kabkotaCode, XlsxSheet sheet, String totalLabel, OutputStream out) {
        Scorecard card = kabkotaCode == null ? province() : district(kabkotaCode);
        int rows;
        try (XlsxExport x = new XlsxExport(out, sheet)) {
            rows = card.writeTo(x, totalLabel);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("scorecard", kabkotaCode == null ? "province" : kabkotaCode);
        after.put("asOf", card.asOf().toString());
        after.put("rows", rows);
        audit.record(AuditEvent.of(MonitoringAction.SCORECARD_EXPORTED).entity(MonitoringEntity.SCORECARD, kabkotaCode)
                .district(kabkotaCode).after(after));
        return rows;
    }

    /** The indicators some source gives (visits and outcomes appear once monitoring offers them). */
    @PreAuthorize(ANYONE)
    public List<Indicator> available() {
        Set<Figure> given = EnumSet.noneOf(Figure.class);
        sources.orderedStream().forEach(s -> given.addAll(s.provides()));
        return java.util.Arrays.stream(Indicator.values())
                .filter(i -> given.contains(i.figure()) && (i.of() == null || given.contains(i.of()))).toList();
    }

    /** A row's cells; an indicator no source gives is empty ("–"), not 0. */
    private ScorecardRow row(String code, String name, Map<Figure, Long> f, boolean small, List<Indicator> given) {
        Map<Indicator, Cell> cells = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            cells.put(i, given.contains(i) ? cell(i, f, small) : Cell.NONE);
        }
        return new ScorecardRow(code, name, cells);
    }

    static Cell cell(Indicator i, Map<Figure, Long> f, boolean small) {
        long people = f.getOrDefault(i.people(), 0L);
        if (small && people < SMALL_CELL) {
            return Cell.SUPPRESSED;
        }
        long n = f.getOrDefault(i.figure(), 0L);
        if (!i.percentage()) {
            return Cell.of(n);
        }
        long of = f.getOrDefault(i.of(), 0L);
        return of <= 0 ? Cell.NONE : Cell.of(Math.min(100, n * 100 / of));
    }

    private Map<String, Map<Figure, Long>> join(java.util.function.Function<FigureSource, Map<String, Map<Figure, Long>>> ask) {
        Map<String, Map<Figure, Long>> out = new TreeMap<>();
        sources.orderedStream().forEach(s -> ask.apply(s).forEach((key, m) ->
                m.forEach((fig, n) -> {
                    if (s.provides().contains(fig) && n != null) {
                        out.computeIfAbsent(key, k -> new EnumMap<>(Figure.class)).merge(fig, n, Long::sum);
                    }
                })));
        return out;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(IndonesianFormat.WIB));
    }
}
