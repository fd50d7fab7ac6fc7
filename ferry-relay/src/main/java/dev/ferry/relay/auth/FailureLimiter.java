package dev.ferry.relay.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rate-limits failed attempts (bad tokens, bad keys) per address with a token bucket: each address
 * may fail {@code burst} times at once, then regains one attempt every {@code refillNanos}. While
 * its bucket is empty every attempt from it is refused, even with a good token, so guessing tokens
 * is slow. Usable by every transport.
 */
public final class FailureLimiter {
    public static final String TOO_MANY = "Too many failed attempts, try again later";
    private static final int MAX_TRACKED = 10_000;

    private final int burst;
    private final long refillNanos;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    /** Ten failures at once, then one every six seconds. */
    public FailureLimiter() {
        this(10, 6_000_000_000L, System::nanoTime);
    }

    public FailureLimiter(int burst, long refillNanos, LongSupplier clock) {
        this.burst = burst;
        this.refillNanos = refillNanos;
        this.clock = clock;
    }

    /** True while this address has failed too often; it must be refused without looking further. */
    public boolean blocked(String address) {
        Bucket b = buckets.get(address);
        if (b == null) return false;
        synchronized (b) {
            refill(b);
            return b.tokens < 1;
        }
    }

    /** Records one failure from this address. */
    public void failed(String address) {
        if (buckets.size() >= MAX_TRACKED) purgeFull();
        Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(burst, clock.getAsLong()));
        synchronized (b) {
            refill(b);
            b.tokens = Math.max(0, b.tokens - 1);
        }
    }

    private void refill(Bucket b) {
        long now = clock.getAsLong();
        b.tokens = Math.min(burst, b.tokens + (double) (now - b.updated) / refillNanos);
        b.updated = now;
    }

    /** Forgets addresses whose bucket has refilled: they are indistinguishable from new ones. */
    private void purgeFull() {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            synchronized (b) {
                refill(b);
                if (b.tokens >= burst) it.remove();
            }
        }
    }
}
