package dev.ferry.protocol.asciicast;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads newline-terminated lines of bytes from a stream, refusing lines longer than a bound. */
final class LineSource implements Closeable {
    /** A line as bytes (without its newline), and whether a newline ended it (false only at end of stream). */
    record Line(byte[] bytes, boolean terminated) {}

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long lineNumber;

    LineSource(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at end of stream. */
    Line next() throws IOException {
        byte[] line = new byte[0];
        int length = 0;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (length == 0) {
                        return null;
                    }
                    lineNumber++;
                    return new Line(Arrays.copyOf(line, length), false);
                }
            }
            int nl = pos;
            while (nl < limit && buf[nl] != '\n') {
                nl++;
            }
            int n = nl - pos;
            if ((long) length + n > maxLineBytes) {
                throw new AsciicastFormatException("line " + (lineNumber + 1) + " is longer than "
                        + (maxLineBytes >= 1 << 20 ? (maxLineBytes >> 20) + " MiB" : maxLineBytes + " bytes"));
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(length + n, Math.min(maxLineBytes, line.length * 2 + 256)));
            }
            System.arraycopy(buf, pos, line, length, n);
            length += n;
            pos = nl;
            if (nl < limit) {
                pos++; // the newline
                lineNumber++;
                return new Line(length == line.length ? line : Arrays.copyOf(line, length), true);
            }
        }
    }

    /** The number of the line {@link #next()} returned last, counting from 1. */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
