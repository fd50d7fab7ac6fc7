package dev.ferry.protocol;

/** A frame that breaks the protocol: unknown type, wrong length, oversized, bad UTF-8. */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }
}
