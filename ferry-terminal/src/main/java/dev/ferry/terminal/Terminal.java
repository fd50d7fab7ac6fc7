package dev.ferry.terminal;

/**
 * One virtual terminal: a byte-stream parser driving a screen with scrollback, like one tmux pane.
 *
 * <p>Passive unless asked: it answers queries (cursor position, device attributes) only through
 * {@link #answerQueries}, for a screen no real terminal shows. Not thread-safe: one owner
 * feeds it and reads from it (the relay's session does both under its own lock).
 */
public final class Terminal {
    public static final int DEFAULT_HISTORY = 2000;
    static final int MAX_SIZE = 1000, MAX_HISTORY = 1_000_000;

    private final Screen screen;
    private final Parser parser;

    public Terminal(int cols, int rows) {
        this(cols, rows, DEFAULT_HISTORY);
    }

    /** Sizes are clamped to 1..1000 columns and rows; history to 0..1,000,000 lines. */
    public Terminal(int cols, int rows, int historyLimit) {
        screen = new Screen(clamp(cols), clamp(rows), Math.max(0, Math.min(historyLimit, MAX_HISTORY)));
        parser = new Parser(screen);
    }

    static int clamp(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }

    /** Parses output bytes. UTF-8 and escape sequences may be split across calls. */
    public void feed(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        parser.feed(data, offset, length);
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * Makes this terminal answer the queries programs send (DSR 5 and 6, DA1, DA2) as tmux would,
     * handing each answer to {@code replies} during {@link #feed}. For a headless host, where no
     * real terminal exists to answer and programs like vim would wait for one.
     */
    public void answerQueries(java.util.function.Consumer<byte[]> replies) {
        screen.replies = replies;
    }

    /**
     * Resizes like a tmux 3.3 pane: shrinking drops rows below the cursor, then pushes rows into
     * history; growing pulls scrolled history back; a width change re-wraps the main screen and
     * its history (the alternate screen is cropped or padded).
     */
    public void resize(int cols, int rows) {
        cols = clamp(cols);
        rows = clamp(rows);
        if (cols != screen.cols || rows != screen.rows) {
            ScreenLayout.resize(screen, cols, rows);
        }
    }

    /** RIS: what ESC c does (tmux keeps the title and pushes the screen into history). */
    public void reset() {
        ScreenLayout.reset(screen);
    }

    public int cols() { return screen.cols; }

    public int rows() { return screen.rows; }

    /** Cursor column, zero-based; equals {@link #cols()} in the pending-wrap state. */
    public int cursorX() { return screen.cx; }

    public int cursorY() { return screen.cy; }

    /** Lines of scrollback held now. */
    public int historySize() { return screen.history.size(); }

    /** Window title set by OSC 0/2; empty when none. */
    public String title() { return screen.title; }

    /** The modes a joiner's own terminal must mirror (cursor keys, keypad, paste, mouse, focus). */
    public Modes modes() {
        Screen s = screen;
        return new Modes(s.cursorKeys, s.keypad, s.paste, s.mouse, s.mouseSgr, s.focus, s.cursorVisible);
    }

    /**
     * Bytes that, written to a fresh terminal of this size, rebuild the visible screen, cursor,
     * current attributes, scroll region, modes and title exactly; preceded by the last
     * {@code historyLines} lines of scrollback (0 for none).
     */
    public byte[] snapshot(int historyLines) {
        return Snapshot.of(screen, Math.max(0, Math.min(historyLines, screen.history.size())));
    }

    /** An immutable picture of what the screen shows now, for {@link Renderer}. */
    public Frame frame() {
        Screen s = screen;
        Line[] lines = s.lines.clone();
        for (Line l : lines) {
            l.frozen = true;
        }
        return new Frame(lines, s.cols, s.cx, s.cy, s.cursorStyle, modes(), s.title);
    }

    /**
     * The screen scrolled back by {@code linesBack} lines into the history (clamped), as a copy-mode
     * view shows it: the top rows come from the history, the rest from the screen. The cursor is
     * the terminal's own; a viewer places its own cursor.
     */
    public Frame frame(int linesBack) {
        Screen s = screen;
        int back = Math.max(0, Math.min(linesBack, s.history.size()));
        if (back == 0) return frame();
        Line[] lines = new Line[s.rows];
        int first = s.history.size() - back;
        for (int r = 0; r < s.rows; r++) {
            int i = first + r;
            if (i < s.history.size()) {
                lines[r] = s.history.get(i, s.cols);
            } else {
                lines[r] = s.lines[i - s.history.size()];
            }
            lines[r].frozen = true;
        }
        return new Frame(lines, s.cols, s.cx, s.cy, s.cursorStyle, modes(), s.title);
    }

    /** The visible screen as {@code tmux capture-pane -p} prints it: one line per row, trailing spaces trimmed. */
    public String text() { return Capture.text(screen.lines, false); }

    /** Like {@link #text()} with SGR sequences, as {@code tmux capture-pane -p -e} prints it. */
    public String ansiText() { return Capture.text(screen.lines, true); }

    /** Scrollback line i (0 the oldest) as capture-pane prints it, without the newline. */
    public String historyLine(int i) {
        String t = Capture.text(new Line[] {screen.history.get(i, screen.cols)}, false);
        return t.substring(0, t.length() - 1);
    }

    /** Approximate heap bytes held by the scrollback. */
    public long historyFootprint() { return screen.history.footprint(); }

    /**
     * Keeps the scrollback so far deflated, several times smaller, for a terminal that went quiet;
     * it reads the same, a little slower. A few milliseconds for a full history, nothing when done.
     */
    public void compactHistory() { screen.history.compact(); }

    /** Whether {@link #compactHistory()} has nothing to do. */
    public boolean historyCompacted() { return screen.history.compacted(); }

    Screen screen() { return screen; }
}
