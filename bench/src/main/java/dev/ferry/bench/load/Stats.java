package dev.ferry.bench.load;

import java.util.Arrays;

/** Latency samples in nanoseconds (thread-safe appends), summarised as percentiles in microseconds. */
final class Stats {
    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) samples = Arrays.copyOf(samples, count * 2);
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** Percentile (0..100) in microseconds; NaN when empty. */
    synchronized double percentileMicros(double p) {
        if (count == 0) return Double.NaN;
        long[] s = Arrays.copyOf(samples, count);
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * count) - 1;
        return s[Math.max(0, Math.min(count - 1, i))] / 1000.0;
    }

    Summary summary() {
        return new Summary(count(), percentileMicros(50), percentileMicros(90), percentileMicros(99), percentileMicros(100));
    }

    /** Percentiles in microseconds. */
    record Summary(int n, double p50, double p90, double p99, double max) {
        Json json() {
            return Json.obj().put("n", n).put("p50_us", p50).put("p90_us", p90).put("p99_us", p99).put("max_us", max);
        }
    }

    static double median(double... v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
