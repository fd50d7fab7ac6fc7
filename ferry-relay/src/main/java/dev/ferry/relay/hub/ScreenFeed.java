package dev.ferry.relay.hub;

import dev.ferry.protocol.Frames;
import dev.ferry.terminal.Frame;
import dev.ferry.terminal.Terminal;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A session's screen model, fed off the delivery path. Output is appended to a pending queue (in
 * stream order: the session appends under its lock) and fed to the {@link Terminal} later, by a
 * worker or by whoever next reads the screen; reading the screen first feeds everything pending.
 *
 * <p>Why: parsing and scrolling lines into history was ~40 % of the relay's CPU at throughput, done
 * on the host link's read in series with queueing to participants. Now delivery only appends.
 *
 * <p>Exactness: {@link #read} called while the session's lock is held sees every byte delivered so
 * far and none after (nothing can be appended meanwhile), so a snapshot taken there corresponds to
 * one position in the stream. The terminal is touched only under {@code lock}; the pending queue is
 * polled only under it, so feeding order is stream order whoever feeds. Lock order: session, then
 * this; the worker and the hub's compactor take only this one.
 */
final class ScreenFeed {
    /** Output this small is fed on the producer's thread once delivery is done (cheaper than a wake-up). */
    static final int INLINE_BYTES = 4096;

    private final Terminal terminal;
    private final Executor worker;
    private final long maxPending;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();  // byte[] or Size
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** When the screen was last fed or read (System.nanoTime), and whether since its last compaction. */
    private volatile long lastUse = System.nanoTime();
    private volatile boolean usedSinceCompaction = true;

    private record Size(int cols, int rows) {}

    ScreenFeed(Terminal terminal, Executor worker, long maxPending) {
        this.terminal = terminal;
        this.worker = worker;
        this.maxPending = maxPending;
    }

    /** Appends output (never modified afterwards). The caller holds the session's lock. */
    void output(byte[] data) {
        pending.add(data);
        if (pendingBytes.addAndGet(data.length) > maxPending) {
            // The model is far behind (the worker is starved): feed here rather than grow without bound.
            read(t -> null);
        }
    }

    /** Appends a resize, in stream order. The caller holds the session's lock. */
    void resize(int cols, int rows) {
        pending.add(new Size(cols, rows));
    }

    /**
     * Feeds what is pending; call after releasing the session's lock and waking participants. Small
     * amounts are fed on this thread, larger ones on the worker, so the producer returns quickly.
     */
    void kick() {
        if (pending.isEmpty() || !scheduled.compareAndSet(false, true)) return;
        if (pendingBytes.get() <= INLINE_BYTES) {
            drainOnce();
        } else {
            worker.execute(this::drainLoop);
        }
    }

    /** Runs {@code f} on the screen once everything appended so far has been fed. */
    <T> T read(Function<Terminal, T> f) {
        lock.lock();
        try {
            feedPending();
            used();
            return f.apply(terminal);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The terminal's snapshot with up to {@code historyLines} of history, or with none when that would
     * not fit one frame. For use inside {@link #read}.
     */
    static byte[] snapshot(Terminal terminal, int historyLines) {
        byte[] data = terminal.snapshot(historyLines);
        return data.length > Frames.MAX_FRAME - 16 ? terminal.snapshot(0) : data;
    }

    Frame frame() {
        return read(Terminal::frame);
    }

    /**
     * Compacts the terminal's history, on the calling thread, when the screen has been neither fed nor
     * read for {@code quietNanos} (and not since the last compaction): a quiet session's scrollback is
     * most of its memory, and deflated it is several times smaller. Called by the hub's compactor;
     * cheap when there is nothing to do.
     */
    void compactIfQuiet(long now, long quietNanos) {
        if (!usedSinceCompaction || now - lastUse < quietNanos) return;
        lock.lock();
        try {
            if (pending.isEmpty() && now - lastUse >= quietNanos) {
                terminal.compactHistory();
                usedSinceCompaction = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the history was compacted and the screen not fed or read since (for tests). */
    boolean compacted() {
        return !usedSinceCompaction;
    }

    /** Bytes appended but not yet fed (for tests and metrics). */
    long pendingBytes() {
        return pendingBytes.get();
    }

    private void drainOnce() {
        lock.lock();
        try {
            feedPending();
        } finally {
            lock.unlock();
        }
        scheduled.set(false);
        if (!pending.isEmpty() && scheduled.compareAndSet(false, true)) worker.execute(this::drainLoop);
    }

    private void drainLoop() {
        do {
            lock.lock();
            try {
                feedPending();
            } finally {
                lock.unlock();
            }
            scheduled.set(false);
        } while (!pending.isEmpty() && scheduled.compareAndSet(false, true));
    }

    /** Under the lock. */
    private void used() {
        lastUse = System.nanoTime();
        usedSinceCompaction = true;
    }

    private void feedPending() {
        Object item;
        while ((item = pending.poll()) != null) {
            used();
            if (item instanceof byte[] data) {
                terminal.feed(data);
                pendingBytes.addAndGet(-data.length);
            } else if (item instanceof Size s) {
                terminal.resize(s.cols(), s.rows());
            }
        }
    }
}
