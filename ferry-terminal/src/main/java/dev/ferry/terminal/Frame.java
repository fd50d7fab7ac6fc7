package dev.ferry.terminal;

/**
 * An immutable picture of a terminal's visible screen: cells with their attributes, cursor,
 * modes and title. {@link Renderer} diffs two frames; equal frames look identical on a client.
 */
public final class Frame {
    Frame() {
        throw new UnsupportedOperationException("engine not built yet");
    }

    public int cols() { throw new UnsupportedOperationException(); }

    public int rows() { throw new UnsupportedOperationException(); }
}
