package dev.ferry.relay.hub;

/** Who decides a session's terminal size. */
public enum ResizePolicy {
    /** The host's window (ferry share): the host's real terminal cannot be resized by us. */
    HOST,
    /** The smallest read-write participant's window (tmate), asked of the source via {@link Source#resize}. */
    SMALLEST_WRITER
}
