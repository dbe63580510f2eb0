package id.berdaya.registry.registration;

import id.berdaya.registry.category.Category;

import id.berdaya.registry.nik.NameKey;
import id.berdaya.registry.nik.NikCheck;
import id.berdaya.registry.nik.NikValidator;

import id.berdaya.core.RuleViolation.Problem;
import id.berdaya.core.region.Desa;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rules a registration must pass, shared by the registration form ({@code BeneficiaryService})
 * and the import ({@code ImportService}), so that a row of a file is judged exactly as the form
 * would judge it: the NIK (errors refuse, warnings become review flags), the required fields,
 * the region codes (kecamatan of that kabupaten/kota, desa of that kecamatan), the category and
 * the district of the user.
 */
public final class RegistrationRules {

    public static final List<String> REFERRAL_SOURCES = List.of("LAPAS_BAPAS", "OUTREACH", "SELF", "COMMUNITY", "OTHER_AGENCY");
    private static final Pattern KK = Pattern.compile("[0-9]{16}");
    private static final Pattern RT_RW = Pattern.compile("[0-9]{1,3}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 -]{8,20}");

    /** Where the region codes are looked up: live through {@link RegionService}, or a snapshot held in memory. */
    public interface Regions {
        boolean kabkotaExists(String kabkota);

        boolean kecamatanOf(String kabkota, String kecamatan);

        boolean desaOf(String kecamatan, String desa);
    }

    /**
     * The result of checking one registration.
     *
     * @param nik      the NIK as it will be stored (trimmed)
     * @param nikCheck the NIK's errors and warnings
     * @param errors   every problem that refuses the registration (NIK errors included)
     */
    public record Checked(String nik, NikCheck nikCheck, List<Problem> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final NikValidator nikValidator;
    private final Regions regions;
    private final Supplier<? extends Collection<Category>> categories;
    private Set<Integer> activeCategories;
    private final LocalDate today;

    public RegistrationRules(NikValidator nikValidator, Regions regions, Supplier<? extends Collection<Category>> categories, LocalDate today) {
        this.nikValidator = nikValidator;
        this.regions = regions;
        this.categories = categories;
        this.today = today;
    }

    /**
     * Checks a registration.
     *
     * @param ownKabkota the only kabupaten/kota the row may belong to (the operator's district, or
     *                   the record's district for a correction); null when any is allowed
     */
    public Checked check(NewBeneficiary n, String ownKabkota) {
        String nik = n.nik() == null ? "" : n.nik().trim();
        NikCheck nikCheck = nikValidator.check(nik, n.birthDate(), n.sex(), n.kabkotaCode());
        List<Problem> problems = new ArrayList<>(nikCheck.errors());
        checkFields(n, problems);
        if (ownKabkota != null && n.kabkotaCode() != null && !n.kabkotaCode().equals(ownKabkota)) {
            problems.add(new Problem("kabkota", "registry.kabkota.notYours"));
        }
        return new Checked(nik, nikCheck, problems);
    }

    private void checkFields(NewBeneficiary n, List<Problem> p) {
        if (n.fullName() == null || n.fullName().isBlank() || n.fullName().trim().length() > 150 || NameKey.of(n.fullName()).isEmpty()) {
            p.add(new Problem("fullName", "registry.fullName.required"));
        }
        if (n.sex() == null) {
            p.add(new Problem("sex", "registry.sex.required"));
        }
        if (n.birthDate() == null || n.birthDate().isAfter(today) || n.birthDate().isBefore(today.minusYears(120))) {
            p.add(new Problem("birthDate", "registry.birthDate.invalid"));
        }
        if (n.kkNumber() != null && !n.kkNumber().isBlank() && !KK.matcher(n.kkNumber().trim()).matches()) {
            p.add(new Problem("kkNumber", "registry.kk.invalid"));
        }
        Problem region = checkRegion(n.kabkotaCode(), n.kecamatanCode(), n.desaCode());
        if (region != null) {
            p.add(region);
        }
        if (n.rt() != null && !n.rt().isBlank() && !RT_RW.matcher(n.rt().trim()).matches()) {
            p.add(new Problem("rt", "registry.rtrw.invalid"));
        }
        if (n.rw() != null && !n.rw().isBlank() && !RT_RW.matcher(n.rw().trim()).matches()) {
            p.add(new Problem("rw", "registry.rtrw.invalid"));
        }
        if (n.phone() != null && !n.phone().isBlank() && !PHONE.matcher(n.phone().trim()).matches()) {
            p.add(new Problem("phone", "registry.phone.invalid"));
        }
        if (n.categoryId() == null || !activeCategories().contains(n.categoryId())) {
            p.add(new Problem("category", "registry.category.required"));
        }
        if (n.referralSource() == null || !REFERRAL_SOURCES.contains(n.referralSource())) {
            p.add(new Problem("referralSource", "registry.referral.required"));
        }
        if (n.legalBasis() == null) {
            p.add(new Problem("legalBasis", "registry.legalBasis.required"));
        }
    }

    private Set<Integer> activeCategories() {
        if (activeCategories == null) {
            Set<Integer> ids = new HashSet<>();
            categories.get().stream().filter(Category::active).forEach(c -> ids.add(c.id()));
            activeCategories = ids;
        }
        return activeCategories;
    }

    private Problem checkRegion(String kabkota, String kecamatan, String desa) {
        if (kabkota == null || !regions.kabkotaExists(kabkota)) {
            return new Problem("kabkota", "registry.region.kabkota");
        }
        if (kecamatan == null || !regions.kecamatanOf(kabkota, kecamatan)) {
            return new Problem("kecamatan", "registry.region.kecamatan");
        }
        if (desa == null || !regions.desaOf(kecamatan, desa)) {
            return new Problem("desa", "registry.region.desa");
        }
        return null;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The regions as the registration form checks them: asked of {@link RegionService} each time. */
    public static Regions live(RegionService regions) {
        return new Regions() {
            @Override
            public boolean kabkotaExists(String kabkota) {
                return regions.kabkota(kabkota).isPresent();
            }

            @Override
            public boolean kecamatanOf(String kabkota, String kecamatan) {
                return regions.kecamatan(kabkota).stream().map(Kecamatan::code).anyMatch(kecamatan::equals);
            }

            @Override
            public boolean desaOf(String kecamatan, String desa) {
                return regions.desa(kecamatan).stream().map(Desa::code).anyMatch(desa::equals);
            }
        };
    }

    /**
     * Every kabupaten/kota, kecamatan and desa of the province read once into memory (about 9,000
     * codes), so that checking a million rows asks the database nothing.
     */
    public static Regions snapshot(RegionService regions) {
        Map<String, String> kecamatanToKabkota = new HashMap<>();
        Map<String, String> desaToKecamatan = new HashMap<>();
        Set<String> kabkota = new HashSet<>();
        for (Kabkota k : regions.kabkota()) {
            kabkota.add(k.code());
            for (Kecamatan kec : regions.kecamatan(k.code())) {
                kecamatanToKabkota.put(kec.code(), k.code());
                for (Desa d : regions.desa(kec.code())) {
                    desaToKecamatan.put(d.code(), kec.code());
                }
            }
        }
        return new Regions() {
            @Override
            public boolean kabkotaExists(String code) {
                return kabkota.contains(code);
            }

            @Override
            public boolean kecamatanOf(String kab, String kec) {
                return kab.equals(kecamatanToKabkota.get(kec));
            }

            @Override
            public boolean desaOf(String kec, String desa) {
                return kec.equals(desaToKecamatan.get(desa));
            }
        };
    }
}
