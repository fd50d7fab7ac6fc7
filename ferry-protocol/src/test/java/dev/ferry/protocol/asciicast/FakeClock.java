package dev.ferry.protocol.asciicast;

import java.util.function.LongSupplier;

/** A nanosecond clock the test moves by hand. */
final class FakeClock implements LongSupplier {
    private long nanos = 5_000_000_000L; // an arbitrary origin: the writer must not assume zero

    @Override
    public synchronized long getAsLong() {
        return nanos;
    }

    synchronized void advanceMillis(long ms) {
        nanos += ms * 1_000_000L;
    }

    synchronized void advanceMicros(long us) {
        nanos += us * 1_000L;
    }
}
