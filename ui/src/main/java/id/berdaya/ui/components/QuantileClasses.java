package id.berdaya.ui.components;

import java.util.Arrays;
import java.util.Collection;

/**
 * Five classes of roughly equal size over a set of values, for a choropleth: with skewed data
 * (many large kabupaten, six small kota) equal-width classes would paint most regions alike.
 * A value's class is the rank of its first occurrence times five divided by the number of
 * values, so equal values always share a class; with few distinct values some classes stay empty.
 */
final class QuantileClasses {

    static final int COUNT = 5;

    private final double[] sorted;

    QuantileClasses(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to classify");
        }
        sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The class, 0 (lowest) to 4, of one of the values. */
    int of(double value) {
        int rank = 0;
        while (rank < sorted.length && sorted[rank] < value) {
            rank++;
        }
        return Math.min(COUNT - 1, rank * COUNT / sorted.length);
    }

    /** The smallest and the largest value in a class, or null when the class is empty. */
    double[] range(int c) {
        double[] inClass = Arrays.stream(sorted).filter(v -> of(v) == c).toArray();
        return inClass.length == 0 ? null : new double[] {inClass[0], inClass[inClass.length - 1]};
    }
}
