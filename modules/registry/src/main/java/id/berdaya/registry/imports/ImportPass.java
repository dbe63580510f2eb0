package id.berdaya.registry.imports;

import id.berdaya.registry.imports.file.ImportColumn;
import id.berdaya.registry.imports.file.ImportFile;
import org.springframework.stereotype.Component;
import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.registration.RegistrationRules;
import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;
import id.berdaya.registry.category.Category;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.lookup.ForeignNikService;
import id.berdaya.registry.nik.NikValidator;

import id.berdaya.core.RuleViolation.Problem;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pass over an import file: each row parsed into what the registration form would have
 * submitted, judged by the form's own rules ({@link RegistrationRules}) a thousand rows at a time
 * (one query asks where their NIKs are registered), classified and handed to a {@link Sink} in
 * file order. The preview and the commit run the same pass. A NIK registered in another district
 * than the user's is only "already registered; contact the provincial office": the preview has
 * such matches audited and counted ({@link ForeignNikService}), and a preview past the daily limit
 * is refused before any row is shown.
 */
@Component
class ImportPass {

    static final int LOOKUP_ROWS = 1000;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final ImportRepository imports;
    private final CategoryService categories;
    private final RegionService regions;
    private final ForeignNikService foreign;
    private final Clock clock;
    private volatile RegistrationRules.Regions regionSnapshot;

    ImportPass(ImportRepository imports, CategoryService categories, RegionService regions, ForeignNikService foreign, Clock clock) {
        this.imports = imports;
        this.categories = categories;
        this.regions = regions;
        this.foreign = foreign;
        this.clock = clock;
    }

    /** The PPKS categories, for the template's list of allowed values. */
    List<Category> categories() {
        return categories.list();
    }

    /**
     * What a pass needs to judge rows, prepared on the user's thread.
     *
     * @param countsForeign whether NIKs registered in another district are audited and counted
     *                      (the preview; the commit judges a file whose matches the preview counted)
     */
    record Context(RegistrationRules rules, String ownKabkota, boolean seesAllDistricts, Map<Integer, Integer> categoryByNumber,
                   boolean countsForeign) {
    }

    /** The commit's context. */
    Context context(BerdayaUser me) {
        return context(me, false);
    }

    Context context(BerdayaUser me, boolean countsForeign) {
        RegistrationRules.Regions snapshot = regionSnapshot;
        if (snapshot == null) {
            snapshot = RegistrationRules.snapshot(regions);
            regionSnapshot = snapshot;
        }
        List<Category> all = categories.list();
        Map<Integer, Integer> byNumber = new HashMap<>();
        all.forEach(c -> byNumber.put(c.number(), c.id()));
        RegistrationRules rules = new RegistrationRules(new NikValidator(regions.codes()), snapshot, () -> all,
                LocalDate.now(clock.withZone(IndonesianFormat.WIB)));
        boolean district = me.role().isDistrictLevel();
        return new Context(rules, district ? me.kabkotaCode() : null, !district, byNumber, countsForeign);
    }

    /** Receives each judged row in file order. */
    interface Sink {
        /**
         * @param outcome null for a valid row
         */
        void row(int line, NewBeneficiary n, RegistrationRules.Checked checked, ImportIssue.Outcome outcome, List<Problem> reasons);
    }

    private record Parsed(int line, NewBeneficiary n, List<Problem> problems) {
    }

    /** @param expectedRows rows the file is expected to hold (the preview's count), to size the set of NIKs seen once */
    ImportCounts pass(Path file, ImportFile.Format format, Context context, Sink sink, AtomicBoolean cancelled, int expectedRows) {
        int[] counts = new int[4]; // valid, warning, error, skipped
        LongSet seen = new LongSet(Math.max(expectedRows, 1 << 16));
        List<Parsed> block = new ArrayList<>(LOOKUP_ROWS);
        try (ImportFile.Rows rows = ImportFile.open(file, format)) {
            String[] values;
            while ((values = rows.next()) != null) {
                if (cancelled.get()) {
                    throw new IllegalStateException("cancelled");
                }
                block.add(parse(rows.line(), values, context));
                if (block.size() == LOOKUP_ROWS) {
                    judge(block, context, seen, sink, counts);
                    block.clear();
                }
            }
            judge(block, context, seen, sink, counts);
        }
        int total = counts[0] + counts[1] + counts[2] + counts[3];
        return new ImportCounts(total, counts[0], counts[1], counts[2], counts[3], 0);
    }

    private void judge(List<Parsed> block, Context context, LongSet seen, Sink sink, int[] counts) {
        if (block.isEmpty()) {
            return;
        }
        List<RegistrationRules.Checked> checked = new ArrayList<>(block.size());
        List<String> niks = new ArrayList<>(block.size());
        for (Parsed p : block) {
            RegistrationRules.Checked c = context.rules().check(p.n(), context.ownKabkota());
            checked.add(c);
            if (c.ok() && p.problems().isEmpty()) {
                niks.add(c.nik());
            }
        }
        Map<String, String> registered = imports.districtsOfNiks(niks);
        if (context.countsForeign() && !context.seesAllDistricts()) {
            List<String> elsewhere = registered.entrySet().stream().filter(e -> !e.getValue().equals(context.ownKabkota()))
                    .map(Map.Entry::getKey).toList();
            if (!elsewhere.isEmpty()) {
                foreign.foundElsewhere(elsewhere, ForeignNikService.Via.IMPORT); // refuses the whole preview past the limit
            }
        }
        for (int i = 0; i < block.size(); i++) {
            Parsed p = block.get(i);
            RegistrationRules.Checked c = checked.get(i);
            if (!p.problems().isEmpty() || !c.ok()) {
                List<Problem> reasons = new ArrayList<>(p.problems());
                Set<String> parsedFields = new java.util.HashSet<>();
                p.problems().forEach(x -> parsedFields.add(x.field()));
                c.errors().stream().filter(x -> !parsedFields.contains(x.field())).forEach(reasons::add);
                counts[2]++;
                sink.row(p.line(), p.n(), c, ImportIssue.Outcome.ERROR, reasons);
                continue;
            }
            String district = registered.get(c.nik());
            if (district != null) {
                // another district is never named: not in the issue grid, the rejected rows or the counts
                Problem why = context.seesAllDistricts() || district.equals(context.ownKabkota())
                        ? new Problem("nik", "import.nik.registered")
                        : new Problem("nik", "registry.nik.registeredElsewhere");
                counts[3]++;
                sink.row(p.line(), p.n(), c, ImportIssue.Outcome.SKIPPED, List.of(why));
                continue;
            }
            if (!seen.add(Long.parseLong(c.nik()))) {
                counts[3]++;
                sink.row(p.line(), p.n(), c, ImportIssue.Outcome.SKIPPED, List.of(new Problem("nik", "import.nik.repeated")));
                continue;
            }
            if (c.nikCheck().warnings().isEmpty()) {
                counts[0]++;
                sink.row(p.line(), p.n(), c, null, List.of());
            } else {
                counts[1]++;
                sink.row(p.line(), p.n(), c, ImportIssue.Outcome.WARNING, c.nikCheck().warnings());
            }
        }
    }

    /** Turns the text of a row into what the form would have submitted, noting values that cannot be read. */
    private static Parsed parse(int line, String[] v, Context context) {
        List<Problem> problems = new ArrayList<>(0);
        Sex sex = null;
        String s = v[ImportColumn.SEX.ordinal()];
        if (s != null) {
            switch (s.toUpperCase(Locale.ROOT)) {
                case "L", "LAKI-LAKI", "LAKI LAKI" -> sex = Sex.L;
                case "P", "PEREMPUAN" -> sex = Sex.P;
                default -> problems.add(new Problem("sex", "import.value.sex"));
            }
        }
        LocalDate birth = null;
        String d = v[ImportColumn.BIRTH_DATE.ordinal()];
        if (d != null) {
            try {
                birth = d.indexOf('/') > 0 ? LocalDate.parse(d, DMY) : LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                problems.add(new Problem("birthDate", "import.value.date"));
            }
        }
        Integer category = null;
        String c = v[ImportColumn.CATEGORY.ordinal()];
        if (c != null) {
            try {
                category = context.categoryByNumber().get(Integer.parseInt(c));
            } catch (NumberFormatException e) {
                category = null;
            }
            if (category == null) {
                problems.add(new Problem("category", "import.value.category"));
            }
        }
        LegalBasis basis = null;
        String b = v[ImportColumn.LEGAL_BASIS.ordinal()];
        if (b != null) {
            try {
                basis = LegalBasis.valueOf(b.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("legalBasis", "import.value.legalBasis"));
            }
        }
        tooLong(v, ImportColumn.NICKNAME, "nickname", 60, problems);
        tooLong(v, ImportColumn.BIRTH_PLACE, "birthPlace", 100, problems);
        tooLong(v, ImportColumn.STREET, "street", 200, problems);
        tooLong(v, ImportColumn.OCCUPATION, "occupation", 100, problems);
        tooLong(v, ImportColumn.MARITAL_STATUS, "maritalStatus", 20, problems);
        tooLong(v, ImportColumn.EDUCATION, "education", 20, problems);
        tooLong(v, ImportColumn.SENSITIVE_NOTES, "sensitiveNotes", 2000, problems);
        String referral = v[ImportColumn.REFERRAL_SOURCE.ordinal()];
        NewBeneficiary n = new NewBeneficiary(
                new NewBeneficiary.Identity(v[ImportColumn.NIK.ordinal()], v[ImportColumn.KK_NUMBER.ordinal()],
                        v[ImportColumn.FULL_NAME.ordinal()], v[ImportColumn.NICKNAME.ordinal()], sex, v[ImportColumn.BIRTH_PLACE.ordinal()],
                        birth),
                new NewBeneficiary.Address(v[ImportColumn.KABKOTA.ordinal()], v[ImportColumn.KECAMATAN.ordinal()],
                        v[ImportColumn.DESA.ordinal()], v[ImportColumn.RT.ordinal()], v[ImportColumn.RW.ordinal()],
                        v[ImportColumn.STREET.ordinal()]),
                new NewBeneficiary.Circumstances(v[ImportColumn.PHONE.ordinal()], v[ImportColumn.MARITAL_STATUS.ordinal()],
                        v[ImportColumn.EDUCATION.ordinal()], v[ImportColumn.OCCUPATION.ordinal()]),
                new NewBeneficiary.Programme(category, referral == null ? null : referral.toUpperCase(Locale.ROOT), basis,
                        v[ImportColumn.SENSITIVE_NOTES.ordinal()]));
        return new Parsed(line, n, problems);
    }

    private static void tooLong(String[] v, ImportColumn column, String field, int max, List<Problem> problems) {
        String s = v[column.ordinal()];
        if (s != null && s.length() > max) {
            problems.add(new Problem(field, "import.value.tooLong", column.header(), max));
        }
    }

    /** The preview's sink: counts, and problem rows stored a thousand at a time. */
    static final class PreviewSink implements Sink {
        private final ImportRepository imports;
        private final long batchId;
        private final String kabkota;
        private final List<ImportIssue> buffer = new ArrayList<>();

        PreviewSink(ImportRepository imports, long batchId, String kabkota) {
            this.imports = imports;
            this.batchId = batchId;
            this.kabkota = kabkota;
        }

        @Override
        public void row(int line, NewBeneficiary n, RegistrationRules.Checked checked, ImportIssue.Outcome outcome, List<Problem> reasons) {
            if (outcome != null) {
                buffer.add(new ImportIssue(line, outcome, n.nik(), n.fullName(), reasons));
                if (buffer.size() >= LOOKUP_ROWS) {
                    flush();
                }
            }
        }

        void flush() {
            imports.insertIssues(batchId, kabkota, buffer);
            buffer.clear();
        }
    }
}
