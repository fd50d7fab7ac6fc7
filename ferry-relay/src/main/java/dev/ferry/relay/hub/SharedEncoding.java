package dev.ferry.relay.hub;

import java.util.function.Supplier;

/**
 * An encoding of one delivery that every seat's writer can share: the first writer to ask computes
 * it, the others get the same bytes (the web side's compressed frame, made once for all its
 * participants instead of once each).
 */
public final class SharedEncoding {
    private boolean done;
    private byte[] value;

    public SharedEncoding() {}

    private SharedEncoding(byte[] value) {
        this.value = value;
        this.done = true;
    }

    /** An encoding that came ready: the deflated frame a host sent, passed on as it came. */
    public static SharedEncoding of(byte[] value) {
        return new SharedEncoding(value);
    }

    /** The encoding, computed by {@code encoder} on the first call; null when the encoder gave null. */
    public synchronized byte[] get(Supplier<byte[]> encoder) {
        if (!done) {
            value = encoder.get();
            done = true;
        }
        return value;
    }
}
