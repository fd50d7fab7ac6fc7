package dev.ferry.terminal;

import java.util.Arrays;

/**
 * An immutable picture of a terminal's visible screen: cells with their attributes, cursor,
 * modes and title. {@link Renderer} diffs two frames; equal frames look identical on a client.
 * Lines are shared with the terminal until it next writes them (copy on write), so taking a
 * frame costs one array copy.
 */
public final class Frame {
    final Line[] lines;
    private final int cols;
    private final int cursorX, cursorY, cursorStyle;
    private final Modes modes;
    private final String title;

    Frame(Line[] lines, int cols, int cursorX, int cursorY, int cursorStyle, Modes modes, String title) {
        this.lines = lines;
        this.cols = cols;
        this.cursorX = cursorX;
        this.cursorY = cursorY;
        this.cursorStyle = cursorStyle;
        this.modes = modes;
        this.title = title;
    }

    public int cols() { return cols; }

    public int rows() { return lines.length; }

    /** Cursor column; equals {@link #cols()} in the pending-wrap state after the last column was written. */
    public int cursorX() { return cursorX; }

    public int cursorY() { return cursorY; }

    /** DECSCUSR style, 0 (default) to 6. */
    public int cursorStyle() { return cursorStyle; }

    public Modes modes() { return modes; }

    public String title() { return title; }

    /** The visible text, one line per row, like {@code tmux capture-pane -p}. */
    public String text() { return Capture.text(lines, false); }

    /** The text of one cell: "" for the right half of a wide character. */
    public String cell(int x, int y) { return lines[y].text(x); }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Frame f) || f.cols != cols || f.lines.length != lines.length) {
            return false;
        }
        for (int y = 0; y < lines.length; y++) {
            if (!lines[y].sameCells(f.lines[y])) {
                return false;
            }
        }
        return cursorX == f.cursorX && cursorY == f.cursorY && cursorStyle == f.cursorStyle
                && modes.equals(f.modes) && title.equals(f.title);
    }

    @Override
    public int hashCode() {
        int h = cols * 31 + lines.length;
        for (Line l : lines) {
            h = h * 31 + Arrays.hashCode(l.cp);
        }
        return h * 31 + cursorX * 7 + cursorY;
    }

    /** A readable dump for test failures: rows, cursor, modes, title. */
    @Override
    public String toString() {
        return "Frame " + cols + "x" + lines.length + " cursor " + cursorX + "," + cursorY + " style " + cursorStyle
                + " " + modes + " title '" + title + "'\n" + Capture.text(lines, true);
    }
}
