package id.berdaya.registry.synthetic;

import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static id.berdaya.registry.synthetic.SyntheticWords.BIRTH_ORDER;
import static id.berdaya.registry.synthetic.SyntheticWords.EDUCATION;
import static id.berdaya.registry.synthetic.SyntheticWords.FEMALE_HEAD;
import static id.berdaya.registry.synthetic.SyntheticWords.FEMALE_SECOND;
import static id.berdaya.registry.synthetic.SyntheticWords.FEMALE_TAIL;
import static id.berdaya.registry.synthetic.SyntheticWords.MALE_HEAD;
import static id.berdaya.registry.synthetic.SyntheticWords.MALE_SECOND;
import static id.berdaya.registry.synthetic.SyntheticWords.MALE_TAIL;
import static id.berdaya.registry.synthetic.SyntheticWords.MARITAL;
import static id.berdaya.registry.synthetic.SyntheticWords.OCCUPATION;
import static id.berdaya.registry.synthetic.SyntheticWords.STREET;

/**
 * Synthetic beneficiaries for demos, tests and benchmarks: never real people. Names are random
 * combinations of Javanese name parts; NIKs carry the person's kecamatan, birth date and sex (day
 * + 40 for women) and a serial from {@link SyntheticNik#FIRST_SYNTHETIC_SERIAL} up, so they pass
 * {@link NikValidator} without warnings and are recognisable as synthetic. A small share of
 * records is entered with a birth date one day off the NIK, as operators do, and carries the
 * review flag the validator would give. Regions come from the reference data the schema was
 * loaded from ({@code /reference/*.csv}); kabupaten/kota are weighted by population.
 */
final class SyntheticPeople {

    /** A generated person, with the column values the register stores. */
    record Person(long id, String nik, String kkNumber, String fullName, Sex sex, String birthPlace, LocalDate birthDate,
                  String kabkotaCode, String kecamatanCode, String desaCode, String rt, String rw, String street, String phone,
                  String maritalStatus, String education, String occupation, int categoryNumber, String referralSource,
                  LegalBasis legalBasis, BeneficiaryStatus status, String reviewFlags, LocalDateTime createdAt) {
    }

    /** Population of each kabupaten/kota in thousands (BPS, 2020 census, rounded): the weights of the draw. */
    static final Map<String, Integer> POPULATION_THOUSANDS = populations();

    /** Category number (Permensos 08/2012) and its share in per mille: skewed to the programme's two target groups. */
    private static final int[][] CATEGORY_PER_MILLE = {
            {15, 300}, {10, 220}, {24, 90}, {23, 70}, {17, 50}, {9, 40}, {18, 30}, {16, 25}, {20, 25}, {19, 20},
            {11, 15}, {12, 15}, {13, 15}, {8, 15}, {25, 12}, {21, 10}, {22, 8}, {2, 8}, {3, 8}, {4, 6}, {5, 5}, {6, 4},
            {7, 3}, {1, 1}, {14, 3}, {26, 2}};
    private static final int[][] STATUS_PER_MILLE = {
            {BeneficiaryStatus.REGISTERED.ordinal(), 300}, {BeneficiaryStatus.VERIFIED.ordinal(), 250},
            {BeneficiaryStatus.ACTIVE.ordinal(), 250}, {BeneficiaryStatus.GRADUATED.ordinal(), 120},
            {BeneficiaryStatus.EXITED.ordinal(), 45}, {BeneficiaryStatus.MOVED.ordinal(), 25},
            {BeneficiaryStatus.DECEASED.ordinal(), 10}};
    private static final String[] REFERRAL = {"LAPAS_BAPAS", "OUTREACH", "SELF", "COMMUNITY", "OTHER_AGENCY"};

    private final Random random;
    private final Regions regions;
    private final Map<String, Integer> lastSerial;
    private final double flagShare;
    private final LocalDate today;
    private Person household;

    /**
     * @param lastSerial the highest serial in use per NIK prefix (first 12 digits); updated as NIKs are drawn
     * @param flagShare  share of records entered with a birth date one day off their NIK (flagged for review)
     */
    SyntheticPeople(Random random, Regions regions, Map<String, Integer> lastSerial, double flagShare, LocalDate today) {
        this.random = random;
        this.regions = regions;
        this.lastSerial = lastSerial;
        this.flagShare = flagShare;
        this.today = today;
    }

    /** The next person, with this id. About one in six joins the household (KK) of the person before. */
    Person next(long id) {
        int categoryNumber = pick(CATEGORY_PER_MILLE);
        Sex sex = sexFor(categoryNumber);
        LocalDate birth = birthDateFor(categoryNumber);
        String kabkota;
        String kecamatan;
        String desa;
        String kk;
        String street;
        if (household != null && random.nextInt(6) == 0) {
            kabkota = household.kabkotaCode();
            kecamatan = household.kecamatanCode();
            desa = household.desaCode();
            kk = household.kkNumber();
            street = household.street();
        } else {
            kabkota = regions.drawKabkota(random);
            kecamatan = any(regions.kecamatanOf(kabkota));
            desa = any(regions.desaOf(kecamatan));
            kk = kecamatan.replace(".", "") + "%02d%02d%02d%04d".formatted(1 + random.nextInt(28), 1 + random.nextInt(12),
                    5 + random.nextInt(19), SyntheticNik.FIRST_SYNTHETIC_SERIAL + 1 + random.nextInt(9999 - SyntheticNik.FIRST_SYNTHETIC_SERIAL));
            street = "Jl. " + STREET[random.nextInt(STREET.length)] + " No. " + (1 + random.nextInt(120));
        }
        Person p = person(id, name(sex), sex, birth, kabkota, kecamatan, desa, kk, street, categoryNumber);
        household = p;
        return p;
    }

    /**
     * Another record of the same person as it would be typed in again (same name and birth date,
     * another NIK, often another district): a candidate for the duplicate queue.
     */
    Person twinOf(Person original, long id) {
        String kabkota = random.nextBoolean() ? original.kabkotaCode() : regions.drawKabkota(random);
        String kecamatan = any(regions.kecamatanOf(kabkota));
        return person(id, original.fullName(), original.sex(), original.birthDate(), kabkota, kecamatan,
                any(regions.desaOf(kecamatan)), null, original.street(), original.categoryNumber());
    }

    private Person person(long id, String name, Sex sex, LocalDate birth, String kabkota, String kecamatan, String desa,
                          String kk, String street, int categoryNumber) {
        String nik = nik(kecamatan, birth, sex);
        boolean flagged = random.nextDouble() < flagShare;
        LocalDate entered = flagged ? birth.plusDays(1) : birth;
        LocalDateTime created = today.minusDays(random.nextInt(3 * 365)).atTime(7 + random.nextInt(10), random.nextInt(60));
        // 0800-0000-...: no Indonesian subscriber or toll-free number has this form, so no real number is ever written
        String phone = random.nextInt(3) == 0 ? null : "0800-0000-%04d".formatted(random.nextInt(10_000));
        return new Person(id, nik, kk, name, sex, regions.kabkotaName(kabkota), entered, kabkota, kecamatan, desa,
                "%03d".formatted(1 + random.nextInt(12)), "%03d".formatted(1 + random.nextInt(8)), street, phone,
                entered.isAfter(today.minusYears(17)) ? "BELUM_KAWIN" : MARITAL[random.nextInt(MARITAL.length)],
                EDUCATION[random.nextInt(EDUCATION.length)], OCCUPATION[random.nextInt(OCCUPATION.length)], categoryNumber,
                referralFor(categoryNumber), random.nextInt(10) == 0 ? LegalBasis.CONSENT : LegalBasis.PUBLIC_TASK,
                BeneficiaryStatus.values()[pick(STATUS_PER_MILLE)], flagged ? "birthDate" : null, created);
    }

    /** A NIK not yet used: the next synthetic serial of this kecamatan, birth date and sex. */
    private String nik(String kecamatan, LocalDate birth, Sex sex) {
        String probe = SyntheticNik.of(kecamatan, birth, sex, 1);
        String prefix = probe.substring(0, 12);
        int serial = Math.max(lastSerial.getOrDefault(prefix, 0), SyntheticNik.FIRST_SYNTHETIC_SERIAL) + 1;
        if (serial > 9999) {
            throw new IllegalStateException("No synthetic serial left for " + prefix);
        }
        lastSerial.put(prefix, serial);
        return prefix + "%04d".formatted(serial);
    }

    private String name(Sex sex) {
        boolean male = sex == Sex.L;
        String given = male ? MALE_HEAD[random.nextInt(MALE_HEAD.length)] + MALE_TAIL[random.nextInt(MALE_TAIL.length)]
                : FEMALE_HEAD[random.nextInt(FEMALE_HEAD.length)] + FEMALE_TAIL[random.nextInt(FEMALE_TAIL.length)];
        int shape = random.nextInt(20);
        if (shape < 7) {
            return given; // a single name, common in Java
        }
        String second = male ? MALE_SECOND[random.nextInt(MALE_SECOND.length)] : FEMALE_SECOND[random.nextInt(FEMALE_SECOND.length)];
        if (shape < 17) {
            return given + " " + second;
        }
        return BIRTH_ORDER[random.nextInt(BIRTH_ORDER.length)] + " " + given + " " + second;
    }

    private Sex sexFor(int category) {
        int womenPerCent = switch (category) {
            case 10, 23 -> 100; // Tuna Susila (former sex workers), Perempuan Rawan Sosial Ekonomi
            case 18 -> 80;
            case 15, 17 -> 12;  // former prisoners, drug users
            default -> 50;
        };
        return random.nextInt(100) < womenPerCent ? Sex.P : Sex.L;
    }

    private LocalDate birthDateFor(int category) {
        int minAge;
        int maxAge;
        if (category <= 7) {
            minAge = category == 1 ? 1 : 6;
            maxAge = category == 1 ? 4 : 17;
        } else if (category == 8) {
            minAge = 60;
            maxAge = 85;
        } else {
            minAge = 18;
            maxAge = 49; // the programme's stated eligibility: under 50
        }
        return today.minusYears(minAge).minusDays(random.nextInt((maxAge - minAge + 1) * 365));
    }

    private String referralFor(int category) {
        return switch (category) {
            case 15 -> random.nextInt(10) < 8 ? "LAPAS_BAPAS" : "SELF";
            case 10, 11, 12, 13, 4 -> random.nextBoolean() ? "OUTREACH" : "COMMUNITY";
            default -> REFERRAL[1 + random.nextInt(REFERRAL.length - 1)];
        };
    }

    private String any(List<String> codes) {
        return codes.get(random.nextInt(codes.size()));
    }

    private int pick(int[][] perMille) {
        int total = 0;
        for (int[] e : perMille) {
            total += e[1];
        }
        int r = random.nextInt(total);
        for (int[] e : perMille) {
            r -= e[1];
            if (r < 0) {
                return e[0];
            }
        }
        throw new IllegalStateException();
    }

    private static Map<String, Integer> populations() {
        String[] codes = {"33.01", "33.02", "33.03", "33.04", "33.05", "33.06", "33.07", "33.08", "33.09", "33.10", "33.11",
                "33.12", "33.13", "33.14", "33.15", "33.16", "33.17", "33.18", "33.19", "33.20", "33.21", "33.22", "33.23",
                "33.24", "33.25", "33.26", "33.27", "33.28", "33.29", "33.71", "33.72", "33.73", "33.74", "33.75", "33.76"};
        int[] thousands = {1944, 1776, 998, 1017, 1350, 770, 879, 1299, 1062, 1260, 907, 1043, 931, 976, 1453, 884, 645, 1324,
                849, 1185, 1203, 1053, 790, 1018, 801, 968, 1471, 1596, 1979, 121, 523, 193, 1653, 308, 273};
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            m.put(codes[i], thousands[i]);
        }
        return Map.copyOf(m);
    }

    /** Kabupaten/kota, kecamatan and desa codes of Jawa Tengah, from the reference data on the classpath. */
    static final class Regions {

        private final List<String> kabkota = new ArrayList<>();
        private final Map<String, String> kabkotaNames = new HashMap<>();
        private final Map<String, List<String>> kecamatan = new HashMap<>();
        private final Map<String, List<String>> desa = new HashMap<>();
        private double[] cumulative;

        static Regions fromReferenceData() {
            Regions r = new Regions();
            csv("/reference/kabkota.csv", f -> {
                r.kabkota.add(f[0]);
                r.kabkotaNames.put(f[0], f[1]);
            });
            csv("/reference/kecamatan.csv", f -> r.kecamatan.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[0]));
            csv("/reference/desa.csv", f -> r.desa.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[0]));
            r.kecamatan.values().removeIf(List::isEmpty);
            r.cumulative = new double[r.kabkota.size()];
            double sum = 0;
            for (int i = 0; i < r.kabkota.size(); i++) {
                sum += POPULATION_THOUSANDS.getOrDefault(r.kabkota.get(i), 500);
                r.cumulative[i] = sum;
            }
            return r;
        }

        List<String> kabkota() {
            return List.copyOf(kabkota);
        }

        String kabkotaName(String code) {
            return kabkotaNames.get(code);
        }

        List<String> kecamatanOf(String kabkotaCode) {
            return kecamatan.get(kabkotaCode);
        }

        List<String> desaOf(String kecamatanCode) {
            return desa.get(kecamatanCode);
        }

        /** A kabupaten/kota drawn with its population share. */
        String drawKabkota(Random random) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (x < cumulative[i]) {
                    return kabkota.get(i);
                }
            }
            return kabkota.getLast();
        }

        /** The share of the province's population living in this kabupaten/kota. */
        double share(String kabkotaCode) {
            return POPULATION_THOUSANDS.getOrDefault(kabkotaCode, 500) / cumulative[cumulative.length - 1];
        }

        private static void csv(String resource, Consumer<String[]> row) {
            try (InputStream in = SyntheticPeople.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Reference data " + resource + " is not on the classpath (module db)");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                reader.readLine(); // header
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        row.accept(line.split(",", 3));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
