package dev.ferry.host.share;

import dev.ferry.protocol.DeflatedFrames;
import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The host's frames to the relay, in order, without making the PTY reader wait for each write.
 *
 * <p>Why: the reader used to send every PTY read (at most 4 KB when a program writes fast) and wait
 * until it was written. A fast program then cost one WebSocket frame per 4 KB on the host, the relay
 * and every participant, and the PTY was not read while a frame was being written. Now one frame is
 * in flight at a time; output read meanwhile is merged into the next frame (up to
 * {@link #MAX_FRAME_BYTES}). A keystroke's echo still leaves at once: small output (at most
 * {@link #INLINE_BYTES}) with nothing in flight is written on the caller's thread, with no hand-off.
 * Larger output is encoded, compressed and written by a sender thread instead, so the PTY reader goes
 * back to reading while its last chunk is being compressed (Jetty deflates on the sending thread).
 *
 * <p>A stream of small chunks (ls printing line by line: a write per line, read as fast as it comes)
 * is gathered for a moment instead: output that follows the last within {@link #STREAM_GAP_NANOS}
 * waits up to {@link #LINGER_NANOS} (or until {@link #LINGER_BYTES} have gathered) to become one frame.
 * Each frame is compressed on its own, and a line alone barely compresses, so without this such a
 * stream went at about half its size or, where timing merged its chunks, at a quarter. An echo, which
 * comes a round trip after the keystroke, goes at once unless the program is printing at that moment.
 *
 * <p>Where the relay accepted {@link Frames#DEFLATED_OUTPUT_PROTOCOL}, output goes as deflated
 * frames (each compressed on its own, at level 1), which the relay passes on to participants as they
 * are instead of compressing the same bytes again for them.
 *
 * <p>Bounded: once {@code maxPending} bytes are queued or in flight, the caller waits until the relay
 * takes them, so a slow relay slows the host's reader; output is never dropped or reordered.
 * Public for the benchmark's load host, which sends the way {@code ferry share} does.
 */
public final class FramePipe {
    /** Output merged into one frame at most (the relay merges its deliveries to the same size). */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /** Output up to this size may be written on the caller's thread (an echo, a prompt); more goes to the sender. */
    static final int INLINE_BYTES = 1024;
    /** Output this soon after the last is taken for part of a stream, not for an echo (a round trip is several times longer). */
    static final long STREAM_GAP_NANOS = 100_000;
    /** How long a stream's first chunk waits at most for the rest to join it. */
    static final long LINGER_NANOS = 1_000_000;
    /** A stream's frame goes at once when this much has gathered. */
    static final int LINGER_BYTES = 16 * 1024;
    private static final long WAIT_SECONDS = 30;

    private final Session ws;
    private final long maxPending;
    private final boolean deflate;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();  // ByteBuffer (an encoded frame) or Run (output)
    private final Pump pump = new Pump();
    private final AtomicBoolean senderStarting = new AtomicBoolean();
    private long pendingBytes;   // queued or in flight
    private long lastOutputNanos;   // when output() was last called
    private boolean lingering;      // a flush is scheduled: output meanwhile joins the queue's last run and waits for it
    private Throwable failure;

    /** Consecutive output waiting to become one frame. */
    private static final class Run {
        final List<byte[]> parts = new ArrayList<>();
        int bytes;
    }

    /** A pipe on a connected link; it deflates output when the relay answered the link's upgrade with {@link Frames#DEFLATED_OUTPUT_PROTOCOL}. */
    public FramePipe(Session ws, long maxPending) {
        this.ws = ws;
        this.maxPending = maxPending;
        this.deflate = Frames.DEFLATED_OUTPUT_PROTOCOL.equals(ws.getUpgradeResponse().getAcceptedSubProtocol());
    }

    /** Queues terminal output (copied); waits while too much is pending. Throws once the connection failed. */
    public void output(byte[] data, int offset, int length) throws IOException {
        if (length == 0) return;
        byte[] copy = java.util.Arrays.copyOfRange(data, offset, offset + length);
        boolean alone;   // nothing else queued or in flight
        boolean linger = false, gathering = false;
        lock.lock();
        try {
            awaitRoom();
            long now = System.nanoTime();
            boolean streaming = now - lastOutputNanos < STREAM_GAP_NANOS;
            lastOutputNanos = now;
            alone = pendingBytes == 0;
            Run r;
            if (queue.peekLast() instanceof Run last && last.bytes + length <= MAX_FRAME_BYTES) {
                r = last;
            } else {
                r = new Run();
                queue.add(r);
            }
            r.parts.add(copy);
            r.bytes += length;
            pendingBytes += length;
            if (lingering) gathering = r.bytes < LINGER_BYTES;
            else if (alone && streaming && length < LINGER_BYTES) linger = lingering = true;
        } finally {
            lock.unlock();
        }
        if (gathering) return;   // the scheduled flush sends it
        if (linger) flushLater();
        else if (alone && length <= INLINE_BYTES) pump.iterate();
        else handOff();
    }

    /** Sends what has gathered once {@link #LINGER_NANOS} have passed (earlier if more output or a frame needs the pump). */
    private void flushLater() {
        Thread.ofVirtual().name("ferry-host-linger").start(() -> {
            LockSupport.parkNanos(LINGER_NANOS);
            lock.lock();
            try {
                lingering = false;
            } finally {
                lock.unlock();
            }
            pump.iterate();
        });
    }

    /**
     * Runs the pump on a sender (virtual) thread. If the pump is busy on another thread already,
     * iterate() only tells it to look at the queue again; at most one sender is starting at a time.
     */
    private void handOff() {
        if (senderStarting.compareAndSet(false, true)) {
            Thread.ofVirtual().name("ferry-host-send").start(() -> {
                senderStarting.set(false);   // before iterate(): output queued from now on starts another or is seen by this one
                pump.iterate();
            });
        }
    }

    /** Queues any other frame behind the output before it; waits while too much is pending. */
    public void send(Message m) throws IOException {
        enqueue(Frames.encode(m), true);
    }

    /** Queues a frame without waiting for room and without failing (a goodbye on a connection that may be gone). */
    public void sendQuietly(Message m) {
        try {
            enqueue(Frames.encode(m), false);
        } catch (IOException e) {
            // the connection is gone: nothing to say goodbye on
        }
    }

    private void enqueue(ByteBuffer frame, boolean wait) throws IOException {
        lock.lock();
        try {
            if (wait) awaitRoom();
            else if (failure != null) return;
            queue.add(frame);
            pendingBytes += frame.remaining();
        } finally {
            lock.unlock();
        }
        pump.iterate();
    }

    /** With the lock held. */
    private void awaitRoom() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (failure == null && pendingBytes >= maxPending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new IOException("the relay took nothing for " + WAIT_SECONDS + " s");
            try {
                room.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        if (failure != null) throw new IOException("sending to the relay failed: " + failure.getMessage(), failure);
    }

    private void written(long bytes) {
        lock.lock();
        try {
            pendingBytes -= bytes;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Writes one frame at a time; Jetty's IteratingCallback re-runs it when output arrives during a write. */
    private final class Pump extends IteratingCallback {
        @Override
        protected Action process() {
            Object next;
            lock.lock();
            try {
                next = queue.poll();   // a Run leaves the queue here, and output() adds only to the queue's last
            } finally {
                lock.unlock();
            }
            if (next == null) return Action.IDLE;
            ByteBuffer frame;
            long bytes;
            if (next instanceof Run r) {   // encoded and compressed without the lock: the PTY reader goes on queueing
                frame = Frames.encodeOutput(r.parts);
                bytes = r.bytes;
                byte[] deflated = deflate ? DeflatedFrames.deflateFast(frame) : null;
                if (deflated != null) frame = ByteBuffer.wrap(deflated);
            } else {
                frame = (ByteBuffer) next;
                bytes = frame.remaining();
            }
            ws.sendBinary(frame, Callback.from(() -> {
                written(bytes);
                succeeded();
            }, this::failed));
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            lock.lock();
            try {
                failure = cause;
                queue.clear();
                room.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
