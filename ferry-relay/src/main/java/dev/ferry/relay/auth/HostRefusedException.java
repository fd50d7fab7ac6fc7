package dev.ferry.relay.auth;

/** A host may not open the session it asked for; the message is the one line to show it. */
public final class HostRefusedException extends Exception {
    public HostRefusedException(String message) {
        super(message);
    }
}
