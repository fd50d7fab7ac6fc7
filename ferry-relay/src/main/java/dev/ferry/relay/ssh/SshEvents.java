package dev.ferry.relay.ssh;

/** What the SSH side reports for the audit log and for tests. Called on SSH I/O threads: return quickly. */
public interface SshEvents {
    SshEvents NONE = new SshEvents() {};

    /** A channel or global request (exec, subsystem, port forwarding, agent, X11, ...) was refused. */
    default void refused(Peer peer, String request) {}

    /** A joiner presented a token that names no live session. */
    default void badToken(Peer peer) {}
}
