package id.berdaya.registry.synthetic;

import id.berdaya.registry.Sex;

import java.time.LocalDate;

/**
 * Builds structurally valid NIKs for synthetic test and demo data. Never used for real people:
 * serials from 9000 up are chosen so that synthetic NIKs are recognisable as such.
 */
public final class SyntheticNik {

    public static final int FIRST_SYNTHETIC_SERIAL = 9000;

    private SyntheticNik() {
    }

    /** A NIK for someone first registered in this kecamatan ("33.03.01"), born on that day, of that sex. */
    public static String of(String kecamatanCode, LocalDate birthDate, Sex sex, int serial) {
        if (serial < 1 || serial > 9999) {
            throw new IllegalArgumentException("serial 1-9999");
        }
        String region = kecamatanCode.replace(".", "");
        int day = birthDate.getDayOfMonth() + (sex == Sex.P ? 40 : 0);
        return region + "%02d%02d%02d%04d".formatted(day, birthDate.getMonthValue(), birthDate.getYear() % 100, serial);
    }
}
