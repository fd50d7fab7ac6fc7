package dev.ferry.relay.hub;

/**
 * Sees everything that happens in one session, in order: the recorder and the audit log hang here,
 * so the hub knows nothing of files or databases.
 *
 * <p>Every method is called on a hub thread, some with the session's lock held (so that output,
 * resizes and joins keep the order the screen model saw). Implementations must not block: queue
 * and return.
 */
public interface SessionObserver {
    SessionObserver NONE = new SessionObserver() {};

    /** Output from the source; the array is the observer's to keep. */
    default void output(byte[] data) {}

    /** The session's terminal size changed. */
    default void resize(int cols, int rows) {}

    /** A participant was seated. */
    default void joined(Seat seat) {}

    /** A participant left (disconnected, or was dropped). Not called for seats closed by the end. */
    default void left(Seat seat) {}

    /** Input from a read-write participant, after the role check; the array is the observer's to keep. */
    default void input(Seat seat, byte[] data) {}

    /** The session ended; the last call. */
    default void ended(String reason) {}

    /** Makes one observer per session as the hub opens it. */
    interface Factory {
        Factory NONE = session -> SessionObserver.NONE;

        SessionObserver open(Session session);
    }
}
