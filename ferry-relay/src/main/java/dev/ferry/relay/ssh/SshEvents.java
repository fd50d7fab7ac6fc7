package dev.ferry.relay.ssh;

import dev.ferry.relay.hub.Seat;

/**
 * What the SSH side reports for the audit log (the hub's participants carry no SSH details, such
 * as the key a joiner used). Called on SSH threads: return quickly.
 */
public interface SshEvents {
    SshEvents NONE = new SshEvents() {};

    /** Someone was seated; {@link Peer#keyFingerprint()} is set when they logged in with a key. */
    default void joined(Peer peer, Seat seat) {}

    /** A channel or global request (exec, subsystem, port forwarding, agent, X11, ...) was refused. */
    default void refused(Peer peer, String request) {}

    /** A joiner presented a token that names no live session. */
    default void badToken(Peer peer) {}
}
