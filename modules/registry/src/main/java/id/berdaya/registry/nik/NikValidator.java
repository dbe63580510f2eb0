package id.berdaya.registry.nik;

import id.berdaya.registry.Sex;

import id.berdaya.core.RuleViolation.Problem;
import id.berdaya.core.region.RegionCodes;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the NIK (Nomor Induk Kependudukan), 16 digits: province (2), kabupaten/kota (2),
 * kecamatan (2), day of birth (+40 for women), month, two-digit year, serial (4).
 *
 * <p>Errors are what no real NIK can be: wrong length, non-digits, an unknown province, month 0
 * or 13+, a day no calendar has for that month (29 February counts when either century makes a
 * leap year), serial 0000. Warnings are what a real NIK may well be: the region digits are the
 * place of first registration and regions are renumbered, and a NIK is never reissued when a
 * birth date is corrected; so an unknown kabupaten/kota or kecamatan, or an encoded birth date,
 * sex or region that differs from the entered data, is flagged for review, never refused.
 */
public final class NikValidator {

    static final String FIELD = "nik";
    private final RegionCodes codes;

    public NikValidator(RegionCodes codes) {
        this.codes = codes;
    }

    /**
     * Checks a NIK; the entered data (any of it may be null) is compared with what the NIK encodes.
     *
     * @param kabkotaCode the kabupaten/kota of the entered address ("33.03")
     */
    public NikCheck check(String nik, LocalDate birthDate, Sex sex, String kabkotaCode) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        if (nik == null || nik.length() != 16) {
            errors.add(new Problem(FIELD, "nik.error.length"));
            return new NikCheck(errors, warnings, null, null);
        }
        if (!nik.chars().allMatch(c -> c >= '0' && c <= '9')) {
            errors.add(new Problem(FIELD, "nik.error.digits"));
            return new NikCheck(errors, warnings, null, null);
        }
        String province = nik.substring(0, 2);
        String kabkota = province + "." + nik.substring(2, 4);
        String kecamatan = kabkota + "." + nik.substring(4, 6);
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        boolean female = day > 40;
        int dayOfMonth = female ? day - 40 : day;

        if (!codes.provinces().contains(province)) {
            errors.add(new Problem(FIELD, "nik.error.province", province));
        }
        if (month < 1 || month > 12) {
            errors.add(new Problem(FIELD, "nik.error.month", month));
        } else if (dayOfMonth < 1 || !dayExists(dayOfMonth, month, yy)) {
            errors.add(new Problem(FIELD, "nik.error.day", day));
        }
        if (nik.endsWith("0000")) {
            errors.add(new Problem(FIELD, "nik.error.serial"));
        }
        if (!errors.isEmpty()) {
            return new NikCheck(errors, warnings, null, null);
        }

        Sex encodedSex = female ? Sex.P : Sex.L;
        LocalDate encodedBirth = likelyBirthDate(dayOfMonth, month, yy, birthDate);
        if (!codes.kabkotaNational().contains(kabkota)) {
            warnings.add(new Problem(FIELD, "nik.warn.kabkotaUnknown", kabkota));
        } else if ("33".equals(province) && !codes.kecamatan().contains(kecamatan)) {
            warnings.add(new Problem(FIELD, "nik.warn.kecamatanUnknown", kecamatan));
        }
        if (birthDate != null && (birthDate.getDayOfMonth() != dayOfMonth || birthDate.getMonthValue() != month
                || birthDate.getYear() % 100 != yy)) {
            warnings.add(new Problem(FIELD, "nik.warn.birthDate"));
        }
        if (sex != null && sex != encodedSex) {
            warnings.add(new Problem(FIELD, "nik.warn.sex"));
        }
        if (kabkotaCode != null && !kabkotaCode.equals(kabkota)) {
            warnings.add(new Problem(FIELD, "nik.warn.region", kabkota));
        }
        return new NikCheck(List.of(), warnings, encodedBirth, encodedSex);
    }

    /** Whether the day exists in that month in 19yy or 20yy (the NIK does not say which century). */
    private static boolean dayExists(int day, int month, int yy) {
        return day <= Year.of(1900 + yy).atMonth(month).lengthOfMonth() || day <= Year.of(2000 + yy).atMonth(month).lengthOfMonth();
    }

    /** The encoded birth date in the century of the entered date if any, else the latest century not in the future. */
    private static LocalDate likelyBirthDate(int day, int month, int yy, LocalDate entered) {
        int century = entered != null ? entered.getYear() / 100 * 100 : (2000 + yy > Year.now().getValue() ? 1900 : 2000);
        int year = century + yy;
        if (day > Year.of(year).atMonth(month).lengthOfMonth()) {
            year = (century == 2000 ? 1900 : 2000) + yy;
        }
        return LocalDate.of(year, month, day);
    }
}
