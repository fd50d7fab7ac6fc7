package dev.ferry.relay.tmate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the few shapes the relay sends to a tmate host: one array of integers and strings per
 * message. Every message is built whole before it is written, so the host never sees a partial or
 * ill-typed one (a malformed message kills the host's whole tmate, shells included).
 */
final class MsgpackWriter {
    private MsgpackWriter() {}

    /** {@code [items...]} where each item is a Long/Integer or a String (sent as str). */
    static byte[] array(Object... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = items.length;
        if (n < 16) {
            out.write(0x90 | n);
        } else {
            out.write(0xdc);
            out.write(n >>> 8);
            out.write(n);
        }
        for (Object item : items) {
            switch (item) {
                case Integer i -> integer(out, i);
                case Long l -> integer(out, l);
                case String s -> str(out, s.getBytes(StandardCharsets.UTF_8));
                default -> throw new IllegalArgumentException("cannot encode " + item.getClass());
            }
        }
        return out.toByteArray();
    }

    private static void integer(ByteArrayOutputStream out, long v) {
        if (v >= 0 && v <= 0x7f) {
            out.write((int) v);
        } else if (v < 0 && v >= -32) {
            out.write((int) v & 0xff);
        } else if (v >= 0) {
            out.write(0xcf);
            be(out, v, 8);
        } else {
            out.write(0xd3);
            be(out, v, 8);
        }
    }

    private static void str(ByteArrayOutputStream out, byte[] b) {
        if (b.length < 32) {
            out.write(0xa0 | b.length);
        } else if (b.length < 256) {
            out.write(0xd9);
            out.write(b.length);
        } else if (b.length < 65536) {
            out.write(0xda);
            be(out, b.length, 2);
        } else {
            out.write(0xdb);
            be(out, b.length, 4);
        }
        out.writeBytes(b);
    }

    private static void be(ByteArrayOutputStream out, long v, int n) {
        for (int i = n - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xff);
    }
}
