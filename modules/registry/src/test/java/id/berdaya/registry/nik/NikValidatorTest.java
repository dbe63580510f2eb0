package id.berdaya.registry.nik;

import id.berdaya.registry.Sex;

import id.berdaya.core.RuleViolation.Problem;
import id.berdaya.core.region.RegionCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The NIK rules as a table: valid NIKs, each kind of error, each kind of warning. */
class NikValidatorTest {

    // a small slice of the national code lists (the service uses the full ones from the database)
    static final RegionCodes CODES = new RegionCodes(Set.of("31", "33", "34", "35"),
            Set.of("31.71", "33.03", "33.26", "33.75", "34.04"), Set.of("33.03.01", "33.03.02", "33.26.01"));
    final NikValidator validator = new NikValidator(CODES);

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    @ParameterizedTest(name = "{0} is valid ({1}, {2})")
    @CsvSource({
            "3171011708450001, 1945-08-17, L, 31.71",   // public example: male, 17-08-1945
            "3171015708450001, 1945-08-17, P, 31.71",   // public example: female (day + 40)
            "3303012902000001, 2000-02-29, L, 33.03",   // 29 February 2000
            "3303016902040012, 2004-02-29, P, 33.03",   // woman born 29 February 2004
            "3326013112990001, 1999-12-31, L, 33.26"})
    void wellFormedNiksMatchingTheEnteredDataAreValidWithoutWarnings(String nik, LocalDate birth, Sex sex, String kabkota) {
        NikCheck check = validator.check(nik, birth, sex, kabkota);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
        assertThat(check.sex()).isEqualTo(sex);
        assertThat(check.birthDay()).isEqualTo(birth);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "330301170845001,   nik.error.length",     // 15 digits
            "33030117084500011, nik.error.length",     // 17 digits
            "'',                nik.error.length",
            "33030117O8450001,  nik.error.digits",     // letter O
            "3303-11708450001,  nik.error.digits",
            "9903011708450001,  nik.error.province",   // no province 99
            "3303011700450001,  nik.error.month",      // month 0
            "3404021013880001,  nik.error.month",      // public example: month 13
            "3101013212990002,  nik.error.day",        // public example: day 32
            "3303013212990002,  nik.error.day",        // day 32
            "3303010012990002,  nik.error.day",        // day 0
            "3303014012990002,  nik.error.day",        // day 40 (32-40 is neither sex)
            "3303017212990002,  nik.error.day",        // women's day 72
            "3303013104990002,  nik.error.day",        // 31 April
            "3303013002990002,  nik.error.day",        // 30 February
            "3303012902990002,  nik.error.day",        // 29 February 1999 / 2099: neither is a leap year
            "3303011708450000,  nik.error.serial"})
    void malformedNiksAreErrors(String nik, String expected) {
        NikCheck check = validator.check(nik, null, null, null);
        assertThat(check.valid()).isFalse();
        assertThat(keys(check.errors())).contains(expected);
        assertThat(check.errors()).allMatch(p -> "nik".equals(p.field()));
    }

    @Test
    void anUnknownKabkotaIsAWarningNotAnError() {
        NikCheck check = validator.check("3399011708450001", LocalDate.of(1945, 8, 17), Sex.L, null);
        assertThat(check.valid()).isTrue();
        assertThat(keys(check.warnings())).containsExactly("nik.warn.kabkotaUnknown");
    }

    @Test
    void anUnknownKecamatanOfJawaTengahIsAWarning() {
        NikCheck check = validator.check("3303991708450001", LocalDate.of(1945, 8, 17), Sex.L, "33.03");
        assertThat(check.valid()).isTrue();
        assertThat(keys(check.warnings())).containsExactly("nik.warn.kecamatanUnknown");
    }

    @Test
    void aNikFromAnotherProvinceIsAcceptedAndItsKecamatanIsNotChecked() {
        NikCheck check = validator.check("3404021708450001", LocalDate.of(1945, 8, 17), Sex.L, "33.03");
        assertThat(check.valid()).isTrue();
        assertThat(keys(check.warnings())).containsExactly("nik.warn.region");
        assertThat(check.flags()).containsExactly("region");
    }

    @Test
    void aBirthDateThatDisagreesIsAWarning() {
        NikCheck check = validator.check("3303011708450001", LocalDate.of(1945, 8, 18), Sex.L, "33.03");
        assertThat(check.valid()).isTrue();
        assertThat(keys(check.warnings())).containsExactly("nik.warn.birthDate");
        assertThat(check.birthDay()).isEqualTo(LocalDate.of(1945, 8, 17));
    }

    @Test
    void aSexThatDisagreesIsAWarning() {
        NikCheck check = validator.check("3303015708450001", LocalDate.of(1945, 8, 17), Sex.L, "33.03");
        assertThat(keys(check.warnings())).containsExactly("nik.warn.sex");
        assertThat(check.sex()).isEqualTo(Sex.P);
    }

    @Test
    void everyDisagreementIsReportedAtOnce() {
        NikCheck check = validator.check("3326015708900001", LocalDate.of(1991, 8, 17), Sex.L, "33.03");
        assertThat(keys(check.warnings())).containsExactly("nik.warn.birthDate", "nik.warn.sex", "nik.warn.region");
        assertThat(check.flags()).containsExactly("birthDate", "sex", "region");
    }

    @Test
    void aComparisonNamesThePartsThatAgreeAndThoseThatDifferWithoutDigits() {
        NikComparison serialOnly = NikComparison.of("3303014101909001", "3303014101909002");
        assertThat(serialOnly.same()).containsExactly(NikComparison.Part.REGION, NikComparison.Part.BIRTH_DATE);
        assertThat(serialOnly.different()).containsExactly(NikComparison.Part.SERIAL);
        NikComparison regionAndBirth = NikComparison.of("3303014101909001", "3326010201909001");
        assertThat(regionAndBirth.same()).containsExactly(NikComparison.Part.SERIAL);
        assertThat(regionAndBirth.different()).containsExactly(NikComparison.Part.REGION, NikComparison.Part.BIRTH_DATE);
        assertThat(NikComparison.of(null, "3303014101909001").same()).isEmpty();
    }

    @Test
    void aNikAsTypedIsMaskedWhateverItsLengthAndAMaskedOneStaysAsItIs() {
        assertThat(NameKey.maskNik("3303014101909001")).isEqualTo("3303 •••• •••• ••••");
        assertThat(NameKey.maskNik("330301410190901")).isEqualTo("3303 •••• •••• •••");
        assertThat(NameKey.maskNik(" 33030141019090012 ")).isEqualTo("3303 •••• •••• •••• •");
        assertThat(NameKey.maskNik("3303014")).isEqualTo("•••• •••");
        assertThat(NameKey.maskNik("3303 •••• •••• ••••")).isEqualTo("3303 •••• •••• ••••");
        assertThat(NameKey.maskNik(null)).isNull();
    }
}
