package dev.ferry.bench.load;

import java.util.Arrays;

/**
 * When the bytes of a stream came: cumulative byte counts and the nanoTime of each arrival. The
 * fan-out keeps one for what its host read from the PTY and one for what each participant received,
 * and a lag is the time of one at a byte offset minus the time of the other. One writer at a time;
 * {@link #total} may be read meanwhile, the entries once the writer is done.
 */
final class Timeline {
    private long[] ends = new long[256], times = new long[256];
    private int count;
    private volatile long total;

    void add(int n, long now) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
            times = Arrays.copyOf(times, count * 2);
        }
        long t = total + n;
        ends[count] = t;
        times[count++] = now;
        total = t;   // last: whoever reads it sees the entries before it
    }

    /** Bytes so far. */
    long total() {
        return total;
    }

    int count() {
        return total > 0 ? count : 0;   // the volatile read first
    }

    /** The cumulative byte count after arrival {@code i}. */
    long end(int i) {
        return ends[i];
    }

    long time(int i) {
        return times[i];
    }

    /** When byte {@code offset} (0-based) came; -1 if not yet. */
    long timeOf(long offset) {
        int c = count();
        int i = Arrays.binarySearch(ends, 0, c, offset + 1);
        if (i < 0) i = -i - 1;
        return i < c ? times[i] : -1;
    }
}
