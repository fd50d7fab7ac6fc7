package dev.ferry.relay.tmate;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict, bounded MessagePack decoder for the tmate host stream: one top-level value per call.
 * Values become {@link Long} (every integer width), {@code byte[]} (str and bin alike: pane output is
 * raw bytes packed as str), {@link List}, {@link Boolean}, {@link Double} or null. Maps and ext
 * types never occur on the host link and are refused.
 *
 * <p>Why not msgpack-core: we need only this subset, every size must be checked against a budget
 * before anything is allocated, and msgpack-core needs sun.misc.Unsafe flags on new JDKs.
 */
final class MsgpackReader {
    /** Thrown for input that is not a well-formed, in-bounds value; the link is then closed. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    static final int MAX_DEPTH = 16;

    private final InputStream in;
    private final int maxMessageBytes;
    private long budget;

    MsgpackReader(InputStream in, int maxMessageBytes) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The next top-level value; EOFException at a clean end of stream between values. */
    Object next() throws IOException {
        budget = maxMessageBytes;
        int first = in.read();
        if (first < 0) throw new EOFException();
        spend(1);
        return value(first, 0);
    }

    private Object value(int b, int depth) throws IOException {
        if (b <= 0x7f) return (long) b;
        if (b >= 0xe0) return (long) (byte) b;
        if ((b & 0xf0) == 0x90) return array(b & 0x0f, depth);
        if ((b & 0xe0) == 0xa0) return bytes(b & 0x1f);
        if ((b & 0xf0) == 0x80) throw new MalformedException("msgpack maps are not part of the tmate protocol");
        return switch (b) {
            case 0xc0 -> null;
            case 0xc2 -> Boolean.FALSE;
            case 0xc3 -> Boolean.TRUE;
            case 0xc4, 0xd9 -> bytes(u(1));
            case 0xc5, 0xda -> bytes(u(2));
            case 0xc6, 0xdb -> bytes(length(u(4)));
            case 0xca -> (double) Float.intBitsToFloat((int) u(4));
            case 0xcb -> Double.longBitsToDouble(s(8));
            case 0xcc -> u(1);
            case 0xcd -> u(2);
            case 0xce -> u(4);
            case 0xcf -> s(8);  // uint64 above Long.MAX_VALUE wraps: key codes use 48 bits at most
            case 0xd0 -> (long) (byte) u(1);
            case 0xd1 -> (long) (short) u(2);
            case 0xd2 -> (long) (int) u(4);
            case 0xd3 -> s(8);
            case 0xdc -> array(u(2), depth);
            case 0xdd -> array(length(u(4)), depth);
            default -> throw new MalformedException(String.format("unexpected msgpack type byte 0x%02x", b));
        };
    }

    private List<Object> array(long n, int depth) throws IOException {
        if (depth >= MAX_DEPTH) throw new MalformedException("msgpack nesting deeper than " + MAX_DEPTH);
        if (n > budget) throw new MalformedException("msgpack array of " + n + " elements exceeds the message limit");
        List<Object> list = new ArrayList<>((int) Math.min(n, 1024));
        for (long i = 0; i < n; i++) {
            list.add(value(readByte(), depth + 1));
        }
        return list;
    }

    private byte[] bytes(long n) throws IOException {
        spend(n);
        byte[] data = in.readNBytes((int) n);
        if (data.length != n) throw new EOFException("stream ended inside a msgpack string");
        return data;
    }

    private long length(long n) throws MalformedException {
        if (n > maxMessageBytes) throw new MalformedException("msgpack length " + n + " exceeds the message limit");
        return n;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("stream ended inside a msgpack value");
        spend(1);
        return b;
    }

    private long u(int n) throws IOException {
        long v = 0;
        for (int i = 0; i < n; i++) v = v << 8 | readByte();
        return v;
    }

    private long s(int n) throws IOException {
        return u(n);
    }

    private void spend(long n) throws MalformedException {
        budget -= n;
        if (budget < 0) throw new MalformedException("a host message exceeds " + maxMessageBytes + " bytes");
    }
}
