package id.berdaya.registry.nik;

import java.util.Arrays;
import java.util.List;

/**
 * Which parts of two NIKs agree, without their digits: what the duplicate review shows of a pair
 * whose masked NIKs look alike. Empty {@link #same()} when either NIK is missing or malformed.
 */
public record NikComparison(List<Part> same) {

    /** The parts of a NIK, by digit position. */
    public enum Part {
        /** Digits 1–6: province, kabupaten/kota, kecamatan. */
        REGION(0, 6),
        /** Digits 7–12: day (plus 40 for women), month, year of birth. */
        BIRTH_DATE(6, 12),
        /** Digits 13–16: the serial number. */
        SERIAL(12, 16);

        private final int from;
        private final int to;

        Part(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    public NikComparison {
        same = List.copyOf(same);
    }

    public static NikComparison of(String a, String b) {
        if (a == null || b == null || a.length() != 16 || b.length() != 16) {
            return new NikComparison(List.of());
        }
        return new NikComparison(Arrays.stream(Part.values())
                .filter(p -> a.regionMatches(p.from, b, p.from, p.to - p.from)).toList());
    }

    /** The parts that differ, in NIK order. */
    public List<Part> different() {
        return Arrays.stream(Part.values()).filter(p -> !same.contains(p)).toList();
    }
}
