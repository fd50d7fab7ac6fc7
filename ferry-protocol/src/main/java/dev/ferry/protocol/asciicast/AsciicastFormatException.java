package dev.ferry.protocol.asciicast;

/** A recording that cannot be read; the message is one line fit for a user. */
public final class AsciicastFormatException extends RuntimeException {
    public AsciicastFormatException(String message) {
        super(message);
    }

    AsciicastFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
