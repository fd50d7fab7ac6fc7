package dev.ferry.terminal;

import java.util.Arrays;

/**
 * The grid, cursor and modes of one terminal, and every operation the parser drives, with tmux
 * 3.3's semantics (screen-write.c). The cursor column may equal {@code cols}: that is the
 * pending-wrap state after writing the last column, as in tmux.
 */
final class Screen {
    int cols, rows;
    Line[] lines;
    final History history;
    /** Lines scrolled into history that a growing resize may pull back (tmux's hscrolled). */
    int scrolled;
    /** The main screen's lines while the alternate screen shows; null on the main screen. */
    Line[] savedMain;
    int altX = -1, altY = -1;
    long altStyle;
    int altUl;

    int cx, cy;
    long style;
    /** The pen's underline colour (SGR 58/59), kept beside the style: a {@link Style} long has no room. */
    int ul;
    int g0, g1, shift;            // charsets: 0 ASCII, 1 DEC special graphics; shift selects G1
    int top, bottom;
    boolean[] tabs;

    boolean wrap = true, insert, origin, cursorVisible = true, cursorKeys, keypad, paste, focus, mouseSgr;
    int mouse, cursorStyle;
    String title = "";
    /** XTWINOPS 22/23 title stack; tmux's is unbounded, this one keeps the last 16. */
    private final java.util.ArrayDeque<String> titles = new java.util.ArrayDeque<>();

    int savedX, savedY, savedG0, savedG1, savedShift;
    long savedStyle;
    int savedUl;
    boolean savedOrigin;

    /** A ZWJ arrived: the next non-ASCII character joins the previous cell (tmux 3.3). */
    boolean zwj;
    /** Last printed ASCII character for REP, -1 after anything else. */
    int last = -1;
    /** Where answers to queries go; null for a passive mirror (the usual case). */
    java.util.function.Consumer<byte[]> replies;

    Screen(int cols, int rows, int historyLimit) {
        this.cols = cols;
        this.rows = rows;
        this.history = new History(historyLimit);
        lines = new Line[rows];
        for (int y = 0; y < rows; y++) {
            lines[y] = new Line(cols);
        }
        bottom = rows - 1;
        resetTabs();
    }

    void pushTitle() {
        if (titles.size() == 16) {
            titles.removeLast();
        }
        titles.push(title);
    }

    void popTitle() {
        if (!titles.isEmpty()) {
            title = titles.pop();
        }
    }

    /** The line at row y, copied first if a frame holds it. */
    Line line(int y) {
        Line l = lines[y];
        if (l.frozen) {
            l = l.copy();
            lines[y] = l;
        }
        return l;
    }

    boolean onAlt() { return savedMain != null; }

    long erase() { return Style.erased(style); }

    long printStyle() {
        return (shift == 0 ? g0 : g1) == 1 ? style | Style.CHARSET : style & ~Style.CHARSET;
    }

    void resetTabs() {
        tabs = new boolean[cols];
        for (int x = 8; x < cols; x += 8) {
            tabs[x] = true;
        }
    }

    // ---- line feeds and scrolling

    void lineFeed(boolean wrapped, long bg) {
        if (wrapped && !lines[cy].wrapped) {
            line(cy).wrapped = true;     // tmux sets the flag and never clears it on a plain LF
        }
        if (cy == bottom) {
            scrollUp(top, bottom, 1, bg);
        } else if (cy < rows - 1) {
            cy++;
        }
    }

    void reverseIndex() {
        if (cy == top) {
            scrollDown(top, bottom, 1, erase());
        } else if (cy > 0) {
            cy--;
        }
    }

    /** Scrolls [t, b] up n lines; on the main screen the lines leaving go to history (tmux does so for any region). */
    void scrollUp(int t, int b, int n, long bg) {
        n = Math.min(n, b - t + 1);
        for (int i = 0; i < n; i++) {
            if (savedMain != null) {
                moveLines(t, t + 1, b - t, bg);
                continue;
            }
            Line out = lines[t];
            if (history.limit() > 0) {
                history.push(out);
                scrolled = Math.min(scrolled + 1, history.size());
            }
            System.arraycopy(lines, t + 1, lines, t, b - t);
            lines[b] = fresh(out, bg);
        }
    }

    void scrollDown(int t, int b, int n, long bg) {
        n = Math.min(n, b - t + 1);
        for (int i = 0; i < n; i++) {
            moveLines(t + 1, t, b - t, bg);
        }
    }

    /**
     * tmux's grid_move_lines: rows [py, py+ny) move to dy; the rows they leave are blanked, and
     * the rows just above the destination and the source stop being wrapped.
     */
    private void moveLines(int dy, int py, int ny, long bg) {
        if (ny <= 0 || py == dy) {
            return;
        }
        Line[] freed = new Line[Math.min(ny, Math.abs(dy - py))];
        int f = 0;
        for (int y = dy; y < dy + ny; y++) {
            if ((y < py || y >= py + ny) && f < freed.length) {
                freed[f++] = lines[y];
            }
        }
        unwrap(dy - 1);
        Line[] moved = java.util.Arrays.copyOfRange(lines, py, py + ny);
        System.arraycopy(moved, 0, lines, dy, ny);
        f = 0;
        for (int y = py; y < py + ny; y++) {
            if (y < dy || y >= dy + ny) {
                lines[y] = fresh(f < freed.length && freed[f] != null ? freed[f++] : new Line(cols), bg);
            }
        }
        if (py < dy || py >= dy + ny) {
            unwrap(py - 1);
        }
    }

    /** Ends the wrap of row y; row -1 is the newest history line (tmux's rows and history are one grid). */
    private void unwrap(int y) {
        if (y < 0) {
            history.unwrapNewest();
        } else if (lines[y].wrapped) {
            line(y).wrapped = false;
        }
    }

    private void clearLines(int y, int count, long bg) {
        for (int i = 0; i < count && y + i < rows; i++) {
            clearCells(y + i, 0, cols, bg);
        }
    }

    /** A blank line, reusing one that left the screen when no frame holds it. */
    private Line fresh(Line recycled, long bg) {
        Line l = recycled.frozen || recycled.cols() != cols ? new Line(cols) : recycled;
        l.reset(bg);
        return l;
    }

    // ---- erasing and editing

    /** Clears [from, to) of row y; a full-width clear also forgets the line was written (tmux). */
    void clearCells(int y, int from, int to, long bg) {
        if (from >= to) {
            return;
        }
        Line l = line(y);
        if (from == 0 && to == cols) {
            l.reset(bg);
            unwrap(y - 1);     // tmux's grid_clear_lines: the line above no longer continues here
        } else {
            l.clear(from, to, bg);
        }
    }

    void eraseDisplay(int mode) {
        long bg = erase();
        switch (mode) {
            case 0 -> {
                if (cx == 0 && cy == 0 && savedMain == null) {
                    clearIntoHistory(bg);
                    return;
                }
                if (cx < cols) {
                    clearCells(cy, cx, cols, bg);
                }
                for (int y = cy + 1; y < rows; y++) {
                    clearCells(y, 0, cols, bg);
                }
            }
            case 1 -> {
                for (int y = 0; y < cy; y++) {
                    clearCells(y, 0, cols, bg);
                }
                clearCells(cy, 0, Math.min(cx + 1, cols), bg);
            }
            case 2 -> clearScreen(bg);
            case 3 -> {
                history.clear();
                scrolled = 0;
            }
            default -> { }
        }
    }

    void clearScreen(long bg) {
        if (savedMain == null) {
            clearIntoHistory(bg);
        } else {
            for (int y = 0; y < rows; y++) {
                clearCells(y, 0, cols, bg);
            }
        }
    }

    /** tmux's grid_view_clear_history: lines up to the last written one scroll into history, then all is blank. */
    private void clearIntoHistory(long bg) {
        int used = 0;
        for (int y = 0; y < rows; y++) {
            if (lines[y].used != 0) {
                used = y + 1;
            }
        }
        if (used == 0) {
            clearLines(0, rows, bg);
            return;
        }
        for (int y = 0; y < used; y++) {
            Line out = lines[0];
            if (history.limit() > 0) {
                history.push(out);
            }
            System.arraycopy(lines, 1, lines, 0, rows - 1);
            lines[rows - 1] = fresh(out, bg);
        }
        clearLines(0, rows - used, bg);
        scrolled = 0;
    }

    void eraseLine(int mode) {
        long bg = erase();
        switch (mode) {
            case 0 -> clearCells(cy, Math.min(cx, cols), cols, bg);
            case 1 -> clearCells(cy, 0, Math.min(cx + 1, cols), bg);
            case 2 -> clearCells(cy, 0, cols, bg);
            default -> { }
        }
    }

    void eraseChars(int n) {
        n = Math.min(Math.max(n, 1), cols - cx);
        if (n > 0) {
            clearCells(cy, cx, cx + n, erase());
        }
    }

    void insertChars(int n) {
        n = Math.min(Math.max(n, 1), cols - cx);
        if (n > 0) {
            insertCells(line(cy), cx, n, erase());
        }
    }

    void insertCells(Line l, int x, int n, long bg) {
        if (x >= cols - 1) {
            l.clear(x, x + 1, bg);
            return;
        }
        if (cols - x - n == 0) {
            return;     // tmux's grid_move_cells moves nothing and so clears nothing either
        }
        l.move(x + n, x, cols - x - n);
        l.clear(x, x + n, bg);
        l.used = cols;
    }

    void deleteChars(int n) {
        n = Math.min(Math.max(n, 1), cols - cx);
        if (n <= 0) {
            return;
        }
        Line l = line(cy);
        l.move(cx, cx + n, cols - cx - n);
        l.clear(cols - n, cols, erase());
        if (cols - cx - n > 0) {
            l.used = Math.max(l.used, cols - n);   // tmux's grid_move_cells, when it moves anything
        }
    }

    void insertLines(int n) {
        n = Math.max(n, 1);
        long bg = erase();
        if (cy < top || cy > bottom) {
            n = Math.min(n, rows - cy);
            moveLines(cy + n, cy, rows - cy - n, bg);   // tmux leaves rows that did not move as they were
        } else {
            n = Math.min(n, bottom + 1 - cy);
            int kept = bottom + 1 - cy - n;
            moveLines(bottom + 1 - kept, cy, kept, bg);
            clearLines(cy + kept, n - kept, bg);
        }
    }

    void deleteLines(int n) {
        n = Math.max(n, 1);
        long bg = erase();
        if (cy < top || cy > bottom) {
            n = Math.min(n, rows - cy);
            moveLines(cy, cy + n, rows - cy - n, bg);
            clearLines(rows - n, cy + n - (rows - n), bg);
        } else {
            n = Math.min(n, bottom + 1 - cy);
            int kept = bottom + 1 - cy - n;
            moveLines(cy, cy + n, kept, bg);
            clearLines(cy + kept, n - kept, bg);
        }
    }

    /** DECALN: fill with E, home the cursor, reset the region. */
    void alignmentTest() {
        for (int y = 0; y < rows; y++) {
            Line l = line(y);
            for (int x = 0; x < cols; x++) {
                l.set(x, 'E', Style.DEFAULT);
            }
        }
        top = 0;
        bottom = rows - 1;
        cx = 0;
        cy = 0;
    }
}
