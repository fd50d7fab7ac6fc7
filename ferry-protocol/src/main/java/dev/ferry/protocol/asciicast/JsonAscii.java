package dev.ferry.protocol.asciicast;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The recorder's hot path: output bytes that are all ASCII (nearly all terminal output) quoted as
 * a JSON string, byte for byte what {@link Json#quoteUtf8} writes for the same text, without
 * decoding or a String. In a profile of 200 MB of {@code ls -l} output, the byte-at-a-time check and
 * quoting, with an {@code out.write} per escape and per run, took more CPU than the file writes.
 */
final class JsonAscii {
    private JsonAscii() {}

    /**
     * Input bytes per slice of {@link #quote}, so its scratch array stays at 6 KB however long the
     * input: it is new on every call (no per-writer array for idle sessions to hold, no sharing between
     * threads), and zeroing one sized for a whole 4 KB read (24 KB) made the writer slower, not faster.
     */
    private static final int SLICE = 1024;
    /** Reads 8 bytes of a byte[] at any index as one long, the first byte lowest, on every platform. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Whether all {@code len} bytes from {@code off} are below 0x80: tested 8 bytes at a time, tail alone. */
    static boolean isAscii(byte[] b, int off, int len) {
        int i = off, end = off + len;
        for (; i <= end - 8; i += 8) {
            if (((long) LONGS.get(b, i) & HIGH_BITS) != 0) return false;
        }
        for (; i < end; i++) {
            if (b[i] < 0) return false;
        }
        return true;
    }

    /**
     * Writes bytes that {@link #isAscii} accepted to {@code out} as a JSON string, exactly as
     * {@link Json#quoteUtf8} would. The quoted text is built in a scratch array and written once per
     * slice: an {@code out.write} per escape and per run between them (three per line of {@code ls -l},
     * for its CR LF) cost more than the escaping. The next byte to escape is found 8 bytes at a time,
     * then the run before it is copied at once. Measured on 4 KB reads, that beat a byte-at-a-time scan
     * by 1.5-1.8x, even for coloured {@code ls -l} (an escape every 17 bytes), and a loop that copies
     * each word as it tests it was no faster, for more code.
     */
    static void quote(byte[] data, int offset, int length, OutputStream out) throws IOException {
        // Room for a slice's worst case (every byte a control, escaped in 6 bytes) and both quotes,
        // so the loop below never checks for room.
        byte[] b = new byte[6 * Math.min(length, SLICE) + 2];
        int n = 0;
        b[n++] = '"';
        for (int start = offset, end = offset + length; start < end; start += SLICE) {
            int stop = Math.min(end, start + SLICE);
            for (int i = start; ; ) {
                int next = nextToEscape(data, i, stop);
                System.arraycopy(data, i, b, n, next - i);   // a run of plain bytes, copied at once
                n += next - i;
                if (next == stop) break;
                n = escape(data[next], b, n);
                i = next + 1;
            }
            if (stop < end) {
                out.write(b, 0, n);
                n = 0;
            }
        }
        b[n++] = '"';
        out.write(b, 0, n);
    }

    /** The index of the first byte in [i, end) that JSON needs escaped, or {@code end}. */
    private static int nextToEscape(byte[] b, int i, int end) {
        for (; i <= end - 8; i += 8) {
            long mask = escapeMask((long) LONGS.get(b, i));
            if (mask != 0) return i + (Long.numberOfTrailingZeros(mask) >>> 3);   // the lowest is the first byte
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') return i;
        }
        return end;
    }

    /**
     * The high bit of every byte of {@code w} that needs escaping (a C0 control, DEL, '"' or '\\'),
     * all other bits clear. Only for bytes below 0x80: then none of the sums carries out of its byte,
     * so each byte is tested on its own: x + 0x60 has the high bit exactly when x >= 0x20, x + 0x01
     * exactly when x == 0x7f, and (x ^ q) + 0x7f exactly when x != q.
     */
    private static long escapeMask(long w) {
        long notControl = w + 0x60 * ONES;
        long notQuote = (w ^ '"' * ONES) + 0x7f * ONES;
        long notBackslash = (w ^ '\\' * ONES) + 0x7f * ONES;
        long del = w + ONES;
        return (~(notControl & notQuote & notBackslash) | del) & HIGH_BITS;
    }

    /** Writes the escape of {@code c}, a byte that {@link #escapeMask} flags, at {@code b[n]}; returns the new end. */
    private static int escape(byte c, byte[] b, int n) {
        byte letter = switch (c) {
            case '"', '\\' -> c;
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;   // the other C0 controls and DEL: u, 00, then lowercase hex, as Json.quote writes them
        };
        b[n++] = '\\';
        if (letter != 0) {
            b[n++] = letter;
            return n;
        }
        b[n++] = 'u';
        b[n++] = '0';
        b[n++] = '0';
        b[n++] = (byte) Character.forDigit(c >> 4, 16);
        b[n++] = (byte) Character.forDigit(c & 0xf, 16);
        return n;
    }
}
