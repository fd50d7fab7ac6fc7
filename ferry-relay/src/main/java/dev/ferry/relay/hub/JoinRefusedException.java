package dev.ferry.relay.hub;

/** A join was refused; the message is the one-line error to show the would-be participant. */
public final class JoinRefusedException extends Exception {
    public static final String INVALID_TOKEN = "Invalid or expired session token";
    public static final String KEY_REQUIRED = "This session is restricted to listed SSH keys (in a browser: log in first; ferry join: --api-key KEY)";
    public static final String TOO_MANY_FAILURES = "Too many failed attempts, try again later";

    public JoinRefusedException(String message) {
        super(message);
    }
}
