package dev.ferry.relay.hub;

/** What a source asks for when it opens a session. */
public record SessionSpec(String command, boolean readOnly, int cols, int rows, String hostAddress, ResizePolicy resizePolicy,
        SessionAccess access) {

    public SessionSpec {
        if (access == null) access = SessionAccess.OPEN;
    }

    /** An anonymous session with random tokens, open to anyone holding one. */
    public SessionSpec(String command, boolean readOnly, int cols, int rows, String hostAddress, ResizePolicy resizePolicy) {
        this(command, readOnly, cols, rows, hostAddress, resizePolicy, SessionAccess.OPEN);
    }
}
