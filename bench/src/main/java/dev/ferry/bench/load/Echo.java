package dev.ferry.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Watches what a participant receives for the one keystroke it is waiting for. Escape sequences
 * are skipped (an SSH joiner receives rendered frames with cursor motions), so only printed
 * characters count; the keystroke alphabet has no letters so a status line cannot match by accident.
 */
class Echo implements Consumer<byte[]> {
    static final byte[] ALPHABET = "{}|~^<>".getBytes();

    private enum State { TEXT, ESC, CSI, OSC }

    private State state = State.TEXT;
    private volatile int expected = -1;
    private volatile long seenAt;
    private volatile Thread waiter;
    volatile long bytes;   // received, for the throughput tests (one writer: the connection's reader)

    @Override
    public void accept(byte[] data) {
        bytes += data.length;
        int want = expected;
        for (byte b : data) {
            int c = b & 0xff;
            switch (state) {
                case TEXT -> {
                    if (c == 0x1b) state = State.ESC;
                    else if (c == want) {
                        seen();
                        want = -1;
                    }
                }
                case ESC -> state = c == '[' ? State.CSI : c == ']' || c == 'P' || c == '_' ? State.OSC
                        : c >= 0x20 && c <= 0x2f ? State.ESC : State.TEXT;
                case CSI -> {
                    if (c >= 0x40 && c <= 0x7e) state = State.TEXT;
                }
                case OSC -> {
                    if (c == 0x07) state = State.TEXT;
                    else if (c == 0x1b) state = State.ESC;  // ESC \ ends it
                }
            }
        }
    }

    private void seen() {
        seenAt = System.nanoTime();
        expected = -1;
        Thread t = waiter;
        if (t != null) LockSupport.unpark(t);
    }

    /** Arms for {@code c}; call before sending it. */
    void expect(int c) {
        seenAt = 0;
        waiter = Thread.currentThread();
        expected = c;
    }

    /** Waits for the armed keystroke: the nanoTime it was seen, or -1 after the timeout. */
    long await(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (seenAt == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                expected = -1;
                return -1;
            }
            LockSupport.parkNanos(left);
        }
        return seenAt;
    }
}
