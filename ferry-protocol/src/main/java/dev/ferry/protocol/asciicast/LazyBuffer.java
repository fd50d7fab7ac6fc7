package dev.ferry.protocol.asciicast;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A write buffer that exists only while it holds something: {@link #flush()} hands what it holds to
 * the stream below and lets the array go; the next write takes a new one. Writes of a whole buffer or
 * more go straight through, as with {@link java.io.BufferedOutputStream}.
 *
 * <p>Why: the relay keeps one recording writer per live session, and most sessions are idle most of
 * the time. Their writers are flushed within a second of their last event, and from then on hold no
 * buffer at all, instead of 8 KB each for as long as the session lives.
 *
 * <p>A buffer starts at {@code size} and, the first time it fills before a flush, grows to
 * {@code maxSize}: a session writing fast then costs one write(2) per 64 KB instead of per 8 KB (half
 * the time in the kernel for a 200 MB recording), while one that types keeps a small buffer.
 */
final class LazyBuffer extends OutputStream {
    private final OutputStream out;
    private final int size;
    private final int maxSize;
    private byte[] buf;   // null while empty after a flush
    private int count;

    LazyBuffer(OutputStream out, int size, int maxSize) {
        this.out = out;
        this.size = size;
        this.maxSize = Math.max(size, maxSize);
    }

    @Override
    public void write(int b) throws IOException {
        room(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= maxSize) {
            drain();
            out.write(b, off, len);
            return;
        }
        room(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Makes room for {@code len} more bytes (at most {@code maxSize}): a buffer, a bigger one, or a drain. */
    private void room(int len) throws IOException {
        if (buf == null) buf = new byte[len <= size ? size : maxSize];
        if (len <= buf.length - count) return;
        if (buf.length < maxSize) {
            buf = java.util.Arrays.copyOf(buf, maxSize);
            if (len <= buf.length - count) return;
        }
        drain();
    }

    /** True while a buffer is held (for tests). */
    boolean holdsBuffer() {
        return buf != null;
    }

    /** The buffer's size, 0 when none is held (for tests). */
    int capacity() {
        return buf == null ? 0 : buf.length;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        buf = null;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
