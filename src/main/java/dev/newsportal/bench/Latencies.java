package dev.newsportal.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in nanoseconds, summarised in milliseconds (nearest-rank percentiles). */
final class Latencies {

    private long[] nanos = new long[16];
    private int size;

    void add(long sampleNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = sampleNanos;
    }

    int count() {
        return size;
    }

    /** The nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(1, rank) - 1] / 1e6;
    }

    double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += nanos[i];
        }
        return sum / size / 1e6;
    }

    /** p50, p95, p99 and mean in ms, rounded to 0.01 ms. */
    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("requests", size);
        s.put("p50Ms", round(percentileMillis(50)));
        s.put("p95Ms", round(percentileMillis(95)));
        s.put("p99Ms", round(percentileMillis(99)));
        s.put("meanMs", round(meanMillis()));
        return s;
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }
}
