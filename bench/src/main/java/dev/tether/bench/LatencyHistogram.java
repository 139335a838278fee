package dev.tether.bench;

/**
 * Latencies in nanoseconds, in log-linear buckets (32 per power of two, so within about 3%), recorded
 * without allocation by one thread and merged afterwards. Percentiles report the bucket's midpoint.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final int LINEAR = 2 * SUB;
    private static final int BUCKETS = LINEAR + (63 - (SUB_BITS + 1)) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /** The latency at {@code quantile} (0.5 for the median), or 0 when nothing was recorded. */
    long percentile(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(midpoint(i), max);
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v);
        int shift = msb - SUB_BITS;
        int top = (int) (v >>> shift); // in [SUB, 2 * SUB)
        return LINEAR + (msb - SUB_BITS - 1) * SUB + (top - SUB);
    }

    static long midpoint(int index) {
        if (index < LINEAR) {
            return index;
        }
        int msb = (index - LINEAR) / SUB + SUB_BITS + 1;
        long top = (index - LINEAR) % SUB + SUB;
        int shift = msb - SUB_BITS;
        long lower = top << shift;
        return lower + ((1L << shift) - 1) / 2;
    }
}
