package dev.ferry.relay.hub;

/**
 * Something that produces terminal output and accepts input: a Ferry host link, a tmate pane, a
 * device shell. The transport feeds its output to {@link Session#output}; the hub calls back here.
 *
 * <p>Every method may be called from any thread and must not block (queue and return): the hub
 * calls them on participants' threads.
 */
public interface Source {
    /** How the host is connected, for the audit log: "web" (a Ferry host link, a WebSocket) or "ssh" (tmate). */
    default String transport() {
        return "web";
    }

    /**
     * Whether the source sends its output compressed already ({@link Session#output(byte[], byte[])}):
     * then a participant that reads deflated frames gets them even alone, for the relay compresses
     * nothing to send them.
     */
    default boolean deflatesOutput() {
        return false;
    }

    /** Keystrokes from a read-write participant (read-only input never arrives here). */
    void input(byte[] data);

    /** A one-line notice for the host (someone joined or left). */
    void notice(String text);

    /**
     * Someone joined; {@code participants} counts everyone now seated. Sources that tell their
     * host in their own words override it; by default it is a {@link #notice}.
     */
    default void joined(String transport, String address, Role role, int participants) {
        notice("joined " + role.label() + " via " + transport + " from " + address);
    }

    /** Someone left; {@code participants} counts who is still seated. By default a {@link #notice}. */
    default void left(String transport, String address, Role role, int participants) {
        notice("left: " + role.label() + " via " + transport + " from " + address);
    }

    /**
     * Only under {@link ResizePolicy#SMALLEST_WRITER}: the size the participants ask for, or 0x0
     * when no read-write participant is left to ask for one. Sources whose size they own
     * themselves ignore it.
     */
    default void resize(int cols, int rows) {}

    /** A read-write participant picked this pane (sources with panes); by default nothing happens. */
    default void selectPane(int pane) {}

    /**
     * Called by the hub's compactor for every session, like the session's own screens: a source that
     * keeps screens of its own (tmate's mirror of each pane) compacts their history once it has been
     * quiet for {@code quietNanos}. May take milliseconds; by default nothing happens.
     */
    default void compactIfQuiet(long now, long quietNanos) {}

    /** The session is over (for the given reason): tell the host and close the link. */
    void ended(String reason);
}
