package dev.ferry.terminal;

/**
 * Draws frames onto one client terminal of its own size, the way tmux and mosh draw: it remembers
 * what the client shows and emits only the bytes that bring it up to date. A client smaller than
 * the frame sees the top-left part (cropped; the cursor's region kept in view); a larger one sees
 * the frame padded. An optional status line takes the client's last row.
 *
 * <p>Not thread-safe: one per client, used by that client's writer.
 */
public final class Renderer {
    /** A renderer for a client of this size that shows nothing known yet (the first render redraws all). */
    public Renderer(int cols, int rows) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** The client's window changed; the next render redraws it fully. */
    public void resize(int cols, int rows) { throw new UnsupportedOperationException(); }

    /** Forget what the client shows (e.g. after dropping its backlog); the next render redraws fully. */
    public void invalidate() { throw new UnsupportedOperationException(); }

    /**
     * The bytes that make the client show {@code frame}, with {@code statusLine} on its last row
     * when not null. Returns an empty array when nothing changed.
     */
    public byte[] render(Frame frame, String statusLine) { throw new UnsupportedOperationException(); }
}
