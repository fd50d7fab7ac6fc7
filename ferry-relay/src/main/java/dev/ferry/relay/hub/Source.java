package dev.ferry.relay.hub;

/**
 * Something that produces terminal output and accepts input: a Ferry host link, a tmate pane, a
 * device shell. The transport feeds its output to {@link Session#output}; the hub calls back here.
 *
 * <p>Every method may be called from any thread and must not block (queue and return): the hub
 * calls them on participants' threads.
 */
public interface Source {
    /** Keystrokes from a read-write participant (read-only input never arrives here). */
    void input(byte[] data);

    /** A one-line notice for the host (someone joined or left). */
    void notice(String text);

    /**
     * Only under {@link ResizePolicy#SMALLEST_WRITER}: the size the participants ask for. Sources
     * whose size they own themselves ignore it.
     */
    default void resize(int cols, int rows) {}

    /** The session is over (for the given reason): tell the host and close the link. */
    void ended(String reason);
}
