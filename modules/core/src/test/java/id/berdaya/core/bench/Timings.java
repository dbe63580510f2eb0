package id.berdaya.core.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The benchmarks' one timing loop: warm-up calls, then measured calls, reported as p50, p95 and
 * maximum in milliseconds with the rows the last call answered.
 */
public record Timings(int iterations, double p50, double p95, double max, int rows) {

    /** Times {@code call} ({@code warmup} unmeasured calls first); it answers how many rows it read. */
    public static Timings measure(int warmup, int iterations, IntSupplier call) {
        for (int i = 0; i < warmup; i++) {
            call.getAsInt();
        }
        long[] nanos = new long[iterations];
        int rows = 0;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            rows = call.getAsInt();
            nanos[i] = System.nanoTime() - t0;
        }
        return of(nanos, rows);
    }

    /** Percentiles of measured durations (nanoseconds, in any order). */
    public static Timings of(long[] nanos, int rows) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new Timings(n, sorted[n / 2] / 1e6, sorted[(int) Math.ceil(n * 0.95) - 1] / 1e6, sorted[n - 1] / 1e6, rows);
    }

    /** A Markdown table row: name, p50, p95, max, rows. */
    public String row(String name) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %d |", name, p50, p95, max, rows);
    }

    /** The header that goes with {@link #row}. */
    public static String header() {
        return "| figure | p50 | p95 | max | rows |" + System.lineSeparator() + "|---|---|---|---|---|";
    }
}
