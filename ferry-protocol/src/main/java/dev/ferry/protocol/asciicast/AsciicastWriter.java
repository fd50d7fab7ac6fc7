package dev.ferry.protocol.asciicast;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Appends an asciicast v2 recording. Times come from an injectable nanosecond clock and never go backwards.
 *
 * <p>Durability: lines go through a buffer that is handed to the operating system once the oldest buffered event is
 * {@link #FLUSH_INTERVAL_NANOS} old, checked on every event and whenever the owner calls {@link #flushIfDue()}.
 * The owner must call it every {@link #FLUSH_CHECK_PERIOD_MILLIS} ms or so, since a quiet session writes no events
 * to trigger the check. A process killed with {@code kill -9} then loses at most the last 0.75 s, and at worst
 * leaves a torn last line, which {@link AsciicastReader} skips and {@link AsciicastRepair} removes.
 *
 * <p>Thread-safe: every method is synchronized, none blocks on anything but the file.
 */
public final class AsciicastWriter implements Closeable {
    /** Flush deadline: a buffered event reaches the OS no later than this (plus the check period) after it was written. */
    public static final long FLUSH_INTERVAL_NANOS = 500_000_000L;
    /** How often the owner should call {@link #flushIfDue()}: deadline plus period stays under one second. */
    public static final long FLUSH_CHECK_PERIOD_MILLIS = 250;
    /** Longer output is split into several events so that every line stays far below the readers' limit. */
    static final int MAX_EVENT_CHARS = 1 << 20;
    /** Marker labels are for people; longer ones are cut. */
    static final int MAX_MARKER_CHARS = 4096;

    private final OutputStream out;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final Utf8Stream outputText = new Utf8Stream();
    private final Utf8Stream inputText = new Utf8Stream();
    private long lastMicros;
    private long oldestUnflushedNanos;
    private boolean dirty;
    private boolean closed;

    /**
     * Writes the header to {@code out} and flushes it at once. The writer owns {@code out} from now on and
     * closes it in {@link #close()}. The clock's current reading is time zero.
     */
    public AsciicastWriter(OutputStream out, Header header, LongSupplier nanoClock) throws IOException {
        // 8 KB, and only while something is buffered (LazyBuffer): the relay keeps one writer per live
        // session, mostly idle (64 KB held for good was a quarter of an idle session's memory budget).
        // A session writing fast fills it before a flush; it then grows to 64 KB until the flush.
        this.out = out instanceof BufferedOutputStream ? out : new LazyBuffer(out, 8 * 1024, 64 * 1024);
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.startNanos = nanoClock.getAsLong();
        writeLine(header.toJson());
        flush();
    }

    /** Creates a new file (never overwrites one) and writes the header, timing events with {@link System#nanoTime()}. */
    public static AsciicastWriter create(Path path, Header header) throws IOException {
        return create(path, header, System::nanoTime);
    }

    public static AsciicastWriter create(Path path, Header header, LongSupplier nanoClock) throws IOException {
        // createFile never overwrites. The file is then open only while written to (OnDemandFile),
        // which also keeps no reference to the last array written through it, as the stream that
        // Files.newOutputStream returns does (that kept an idle session's write buffer alive).
        Files.createFile(path);
        return new AsciicastWriter(new OnDemandFile(path), header, nanoClock);
    }

    /** Records bytes written to the terminal. A character cut at the end waits for the next call. */
    public synchronized void output(byte[] b, int off, int len) throws IOException {
        if (!outputText.hasPending() && JsonAscii.isAscii(b, off, len)) {
            // Most terminal output: no decoding, no String; the same line, byte for byte.
            for (int start = off, end = off + len; start < end; start += MAX_EVENT_CHARS) {
                Event.writeAsciiLine(stamp(), Event.Type.OUTPUT, b, start, Math.min(MAX_EVENT_CHARS, end - start), out);
                flushIfDue();
            }
            return;
        }
        text(Event.Type.OUTPUT, outputText.decode(b, off, len));
    }

    /** Records bytes typed into the terminal (only when input recording was asked for). */
    public synchronized void input(byte[] b, int off, int len) throws IOException {
        text(Event.Type.INPUT, inputText.decode(b, off, len));
    }

    /** Records a marker, such as {@code "alice joined read-write via ssh"}. */
    public synchronized void marker(String label) throws IOException {
        String l = label.length() <= MAX_MARKER_CHARS ? label : label.substring(0, MAX_MARKER_CHARS);
        event(Event.Type.MARKER, l);
    }

    /** Records a terminal size change. */
    public synchronized void resize(int cols, int rows) throws IOException {
        if (cols < 1 || rows < 1) {
            throw new IllegalArgumentException("bad terminal size " + cols + "x" + rows);
        }
        event(Event.Type.RESIZE, cols + "x" + rows);
    }

    /** Flushes if the oldest unflushed event has reached the deadline; returns whether it flushed. */
    public synchronized boolean flushIfDue() throws IOException {
        if (dirty && !closed && nanoClock.getAsLong() - oldestUnflushedNanos >= FLUSH_INTERVAL_NANOS) {
            flush();
            return true;
        }
        return false;
    }

    /** Hands everything buffered to the operating system (no fsync: that guards power loss, not crashes). */
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        out.flush();
        dirty = false;
    }

    /** Writes any incomplete character left over as U+FFFD, flushes and closes. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            text(Event.Type.OUTPUT, outputText.finish());
            text(Event.Type.INPUT, inputText.finish());
            flush();
        } finally {
            closed = true;
            out.close();
        }
    }

    /** Microseconds since start of the last event written (for tests and for a recording's duration). */
    public synchronized long lastEventMicros() {
        return lastMicros;
    }

    private void text(Event.Type type, String s) throws IOException {
        for (int start = 0; start < s.length(); ) {
            int end = Math.min(s.length(), start + MAX_EVENT_CHARS);
            if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
                end--; // keep a surrogate pair in one event
            }
            event(type, s.substring(start, end));
            start = end;
        }
    }

    private void event(Event.Type type, String data) throws IOException {
        new Event(stamp(), type, data).writeLine(out);
        flushIfDue();
    }

    /** The time of an event about to be written, in microseconds since the start (never going backwards). */
    private long stamp() throws IOException {
        if (closed) {
            throw new IOException("recording is closed");
        }
        long now = nanoClock.getAsLong();
        lastMicros = Math.max(lastMicros, Math.max(0, (now - startNanos) / 1000));
        if (!dirty) {
            dirty = true;
            oldestUnflushedNanos = now;
        }
        return lastMicros;
    }

    private void writeLine(String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
