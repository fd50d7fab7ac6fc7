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

    int cx, cy;
    long style;
    int g0, g1, shift;            // charsets: 0 ASCII, 1 DEC special graphics; shift selects G1
    int top, bottom;
    boolean[] tabs;

    boolean wrap = true, insert, origin, cursorVisible = true, cursorKeys, keypad, paste, focus, mouseSgr;
    int mouse, cursorStyle;
    String title = "";

    int savedX, savedY, savedG0, savedG1, savedShift;
    long savedStyle;
    boolean savedOrigin;

    /** A ZWJ arrived: the next non-ASCII character joins the previous cell (tmux 3.3). */
    boolean zwj;
    /** Last printed ASCII character for REP, -1 after anything else. */
    int last = -1;

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

    // ---- printing

    /** Prints printable ASCII bytes [from, to): the hot path, one arraycopy-like loop per row. */
    void printAscii(byte[] b, int from, int to) {
        if (!wrap || insert) {
            for (int i = from; i < to; i++) {
                printCell(b[i], 1);
            }
            last = b[to - 1];
            return;
        }
        long s = printStyle();
        while (from < to) {
            if (cx >= cols) {
                lineFeed(true, Style.DEFAULT);
                cx = 0;
            }
            Line l = line(cy);
            int n = Math.min(to - from, cols - cx);
            clearWideAround(l, cx, n);
            int[] cp = l.cp;
            long[] st = l.st;
            for (int i = 0; i < n; i++) {
                cp[cx + i] = b[from + i];
                st[cx + i] = s;
            }
            if (l.combo != null) {
                Arrays.fill(l.combo, cx, cx + n, null);
            }
            cx += n;
            if (cx > l.used) {
                l.used = cx;
            }
            from += n;
        }
        last = b[to - 1];
    }

    /** Prints one decoded non-ASCII code point. */
    void print(int cp) {
        last = -1;
        if (cp == 0x200D) {
            zwj = true;
            return;
        }
        int w = CharWidth.of(cp);
        if (w == 0 || zwj) {
            if (zwj) {
                zwj = false;
                combine(0x200D);
            }
            combine(cp);
            return;
        }
        printCell(cp, w);
    }

    private void printCell(int cp, int w) {
        if (wrap && cx > cols - w) {
            lineFeed(true, Style.DEFAULT);
            cx = 0;
        }
        if (cx > cols - w) {
            return;
        }
        Line l = line(cy);
        clearWideAround(l, cx, w);
        if (insert) {
            insertCells(l, cx, w, Style.DEFAULT);
        }
        long s = cp < 0x80 ? printStyle() : style & ~Style.CHARSET;
        l.set(cx, cp, s);
        for (int i = 1; i < w; i++) {
            l.set(cx + i, Line.PAD, s);
        }
        int notWrap = wrap ? 0 : 1;
        cx = cx <= cols - notWrap - w ? cx + w : cols - notWrap;
    }

    /** Writing n cells at x breaks any wide character it half covers (tmux screen_write_overwrite). */
    private static void clearWideAround(Line l, int x, int n) {
        int[] cp = l.cp;
        if (cp[x] == Line.PAD) {
            int xx = x;
            while (xx > 0 && cp[xx] == Line.PAD) {
                l.set(xx, ' ', Style.DEFAULT);
                xx--;
            }
            l.set(xx, ' ', Style.DEFAULT);
        }
        for (int xx = x + n; xx < cp.length && cp[xx] == Line.PAD; xx++) {
            l.set(xx, ' ', Style.DEFAULT);
        }
    }

    private void combine(int cp) {
        if (cx == 0) {
            return;
        }
        Line l = lines[cy];
        int x = cx - 1;
        while (x > 0 && l.cp[x] == Line.PAD) {
            x--;
        }
        if (l.cp[x] == Line.PAD) {
            return;
        }
        String base = l.text(x);
        String joined = base + Character.toString(cp);
        if (utf8Length(joined) > 21) {
            return;
        }
        line(cy).setCombo(x, joined);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** REP: repeats the last ASCII character, never past the end of the line (tmux). */
    void repeat(int n) {
        if (last < 0) {
            return;
        }
        n = Math.min(n, cols - cx);
        byte c = (byte) last;
        for (int i = 0; i < n; i++) {
            printCell(c, 1);
        }
    }

    // ---- line feeds and scrolling

    void lineFeed(boolean wrapped, long bg) {
        if (lines[cy].wrapped != wrapped) {
            line(cy).wrapped = wrapped;
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
            Line out = lines[t];
            if (savedMain == null && history.limit() > 0) {
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
            Line out = lines[b];
            System.arraycopy(lines, t, lines, t + 1, b - t);
            lines[t] = fresh(out, bg);
        }
    }

    /** A blank line, reusing one that left the screen when no frame holds it. */
    private Line fresh(Line recycled, long bg) {
        Line l = recycled.frozen || recycled.cols() != cols ? new Line(cols) : recycled;
        l.reset(bg);
        return l;
    }

    // ---- cursor

    void carriageReturn() { cx = 0; }

    void backspace() {
        if (cx == 0) {
            if (cy > 0 && lines[cy - 1].wrapped) {
                cy--;
                cx = cols - 1;
            }
        } else {
            cx--;
        }
    }

    void tab() {
        if (cx >= cols - 1) {
            return;
        }
        do {
            cx++;
        } while (cx < cols - 1 && !tabs[cx]);
    }

    void backTab(int n) {
        int x = Math.min(cx, cols - 1);
        while (x > 0 && n-- > 0) {
            do {
                x--;
            } while (x > 0 && !tabs[x]);
        }
        cx = x;
    }

    void cursorUp(int n) {
        n = Math.max(n, 1);
        n = Math.min(n, cy < top ? cy : cy - top);
        if (cx == cols) {
            cx--;
        }
        cy -= n;
    }

    void cursorDown(int n) {
        n = Math.max(n, 1);
        n = Math.min(n, cy > bottom ? rows - 1 - cy : bottom - cy);
        if (cx == cols) {
            cx--;
        }
        cy += n;
    }

    void cursorRight(int n) {
        n = Math.max(n, 1);
        int x = Math.min(cx, cols - 1);
        n = Math.min(n, cols - 1 - x);
        if (cx == cols) {
            cx = x;
        }
        cx += n;
    }

    void cursorLeft(int n) {
        n = Math.max(n, 1);
        cx -= Math.min(n, cx);
    }

    /** Absolute move, x or y -1 to keep; y relative to the region when origin mode is on. */
    void moveTo(int x, int y, boolean useOrigin) {
        if (useOrigin && y != -1 && origin) {
            y = y > bottom - top ? bottom : y + top;
        }
        if (x != -1) {
            cx = Math.min(x, cols - 1);
        }
        if (y != -1) {
            cy = Math.min(y, rows - 1);
        }
    }

    void setRegion(int t, int b) {
        t = Math.min(t, rows - 1);
        b = Math.min(b, rows - 1);
        if (t >= b) {
            return;
        }
        top = t;
        bottom = b;
        cx = 0;
        cy = 0;
    }

    void saveCursor() {
        savedX = cx;
        savedY = cy;
        savedStyle = style;
        savedG0 = g0;
        savedG1 = g1;
        savedShift = shift;
        savedOrigin = origin;
    }

    void restoreCursor() {
        style = savedStyle;
        g0 = savedG0;
        g1 = savedG1;
        shift = savedShift;
        origin = savedOrigin;
        moveTo(savedX, savedY, false);
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
        if (history.limit() > 0) {
            for (int y = 0; y < used; y++) {
                history.push(lines[y]);
            }
        }
        for (int y = 0; y < rows; y++) {
            clearCells(y, 0, cols, bg);
        }
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

    private void insertCells(Line l, int x, int n, long bg) {
        if (x >= cols - 1) {
            l.clear(x, x + 1, bg);
            return;
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
        l.used = Math.max(l.used, cols - n);
    }

    void insertLines(int n) {
        n = Math.max(n, 1);
        if (cy < top || cy > bottom) {
            scrollDown(cy, rows - 1, Math.min(n, rows - cy), erase());
        } else {
            scrollDown(cy, bottom, Math.min(n, bottom + 1 - cy), erase());
        }
    }

    void deleteLines(int n) {
        n = Math.max(n, 1);
        if (cy < top || cy > bottom) {
            shiftUp(cy, rows - 1, Math.min(n, rows - cy));
        } else {
            shiftUp(cy, bottom, Math.min(n, bottom + 1 - cy));
        }
    }

    /** Like scrollUp but the lines leaving are dropped, not kept in history (DL). */
    private void shiftUp(int t, int b, int n) {
        for (int i = 0; i < n; i++) {
            Line out = lines[t];
            System.arraycopy(lines, t + 1, lines, t, b - t);
            lines[b] = fresh(out, erase());
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
