package dev.ferry.terminal;

/**
 * One virtual terminal: a byte-stream parser driving a screen with scrollback, like one tmux pane.
 *
 * <p>Passive: it never answers queries (the host's real terminal does). Not thread-safe: one owner
 * feeds it and reads from it (the relay's session does both under its own lock).
 */
public final class Terminal {
    public static final int DEFAULT_HISTORY = 2000;

    public Terminal(int cols, int rows) {
        this(cols, rows, DEFAULT_HISTORY);
    }

    /** Sizes are clamped to 1..1000 columns and rows; history to 0..1,000,000 lines. */
    public Terminal(int cols, int rows, int historyLimit) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** Parses output bytes. UTF-8 and escape sequences may be split across calls. */
    public void feed(byte[] data, int offset, int length) {
        throw new UnsupportedOperationException();
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** Resizes like tmux: reflows nothing, keeps the cursor's line visible, pulls history back when growing. */
    public void resize(int cols, int rows) {
        throw new UnsupportedOperationException();
    }

    public int cols() { throw new UnsupportedOperationException(); }

    public int rows() { throw new UnsupportedOperationException(); }

    /** Window title set by OSC 0/2; empty when none. */
    public String title() { throw new UnsupportedOperationException(); }

    /** The modes a joiner's own terminal must mirror (cursor keys, keypad, paste, mouse, focus). */
    public Modes modes() { throw new UnsupportedOperationException(); }

    /**
     * Bytes that, written to a fresh terminal of this size, rebuild the visible screen, cursor,
     * current attributes, scroll region, modes and title exactly; preceded by the last
     * {@code historyLines} lines of scrollback (0 for none).
     */
    public byte[] snapshot(int historyLines) { throw new UnsupportedOperationException(); }

    /** An immutable picture of what the screen shows now, for {@link Renderer}. */
    public Frame frame() { throw new UnsupportedOperationException(); }

    /** The visible screen as {@code tmux capture-pane -p} prints it: one line per row, trailing spaces trimmed. */
    public String text() { throw new UnsupportedOperationException(); }

    /** Like {@link #text()} with SGR sequences, as {@code tmux capture-pane -p -e} prints it. */
    public String ansiText() { throw new UnsupportedOperationException(); }
}
