package al.sportel.tools.perf;

import java.util.Arrays;

/** p50/p95/p99 of a set of measurements, nearest-rank. */
final class Percentiles {

    private Percentiles() {
    }

    static double of(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** "p50 1.2 / p95 3.4 / p99 5.6 ms" from nanoseconds. */
    static String millis(long[] nanos) {
        return String.format("%.1f / %.1f / %.1f", of(nanos, 50) / 1e6, of(nanos, 95) / 1e6, of(nanos, 99) / 1e6);
    }
}
