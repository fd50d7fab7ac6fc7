package dev.ferry.relay.hub;

/** A host asked for a session name that a live session holds. */
public final class SessionNameTakenException extends RuntimeException {
    public SessionNameTakenException(String token) {
        super("The session name " + token + " is in use by a live session; pick another or end that one first");
    }
}
