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
 */
final class LazyBuffer extends OutputStream {
    private final OutputStream out;
    private final int size;
    private byte[] buf;   // null while empty after a flush
    private int count;

    LazyBuffer(OutputStream out, int size) {
        this.out = out;
        this.size = size;
    }

    @Override
    public void write(int b) throws IOException {
        if (buf == null) buf = new byte[size];
        else if (count == size) drain();
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= size) {
            drain();
            out.write(b, off, len);
            return;
        }
        if (buf == null) buf = new byte[size];
        else if (len > size - count) drain();
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** True while a buffer is held (for tests). */
    boolean holdsBuffer() {
        return buf != null;
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
