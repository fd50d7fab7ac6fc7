package dev.ferry.relay.device;

/** A shell could not be opened; the message is one line for the user. {@code status} is the HTTP status that fits. */
public final class ShellRefusedException extends Exception {
    private final int status;

    public ShellRefusedException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
