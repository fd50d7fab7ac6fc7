package dev.ferry.terminal;

import java.util.Arrays;

/**
 * Printing characters onto the screen with tmux 3.3's rules: plain ASCII runs take a fast path
 * (screen_write_collect_*), everything else goes cell by cell (screen_write_cell): ZWJ joining,
 * combining marks, insert mode, auto-wrap and wide characters.
 */
final class Printer {
    private Printer() {}


    /** Prints printable ASCII bytes [from, to): the hot path, one arraycopy-like loop per row. */
    static void printAscii(Screen s, byte[] b, int from, int to) {
        long ps = s.printStyle();
        if (!s.wrap || s.insert || (ps & Style.CHARSET) != 0) {
            // tmux only collects plain runs; these go cell by cell (and may join a ZWJ sequence)
            for (int i = from; i < to; i++) {
                cell(s, b[i], 1);
            }
            s.last = b[to - 1];
            return;
        }
        while (from < to) {
            if (s.cx >= s.cols) {
                s.lineFeed(true, Style.DEFAULT);
                s.cx = 0;
            }
            Line l = s.line(s.cy);
            int n = Math.min(to - from, s.cols - s.cx);
            overwriteRun(l, s.cx, n);
            int[] cp = l.cp;
            long[] st = l.st;
            for (int i = 0; i < n; i++) {
                cp[s.cx + i] = b[from + i];
            }
            if (!l.plain || ps != Style.DEFAULT) {
                Arrays.fill(st, s.cx, s.cx + n, ps);     // a plain line's styles are all default already
            }
            if (l.combo != null) {
                Arrays.fill(l.combo, s.cx, s.cx + n, null);
            }
            l.fillUl(s.cx, s.cx + n, s.ul);
            s.cx += n;
            if (s.cx > l.used) {
                l.used = s.cx;
            }
            if (s.cx > l.dirty) {
                l.dirty = s.cx;
            }
            if (ps != Style.DEFAULT) {
                l.plain = false;
            }
            from += n;
        }
        s.last = b[to - 1];
    }

    /** Prints one decoded non-ASCII code point. */
    static void print(Screen s, int cp) {
        s.last = -1;
        int w = CharWidth.of(cp);
        if (w < 0) {
            return;     // wcwidth -1: tmux's utf8_width fails and the character is dropped
        }
        cell(s, cp, w);
    }

    /** tmux's screen_write_cell: ZWJ joining, combining, s.insert mode, s.wrap, wide characters. */
    private static void cell(Screen s, int cp, int w) {
        if (cp == 0x200D) {
            s.zwj = true;
            return;
        }
        if (s.zwj) {
            combine(s, 0x200D);
        }
        if (w == 0 || s.zwj) {
            s.zwj = false;
            combine(s, cp);
            return;
        }
        if (!s.wrap && w > 1 && (w > s.cols || (s.cx != s.cols && s.cx > s.cols - w))) {
            return;
        }
        if (s.insert && s.cx < s.cols) {
            s.insertCells(s.line(s.cy), s.cx, w, Style.DEFAULT);
        }
        if (s.wrap && s.cx > s.cols - w) {
            s.lineFeed(true, Style.DEFAULT);
            s.cx = 0;
        }
        if (s.cx > s.cols - w) {
            return;
        }
        Line l = s.line(s.cy);
        overwriteCell(l, s.cx, w);
        long ps = cp < 0x80 ? s.printStyle() : s.style & ~Style.CHARSET;
        l.set(s.cx, cp, ps, s.ul);
        for (int i = 1; i < w; i++) {
            l.set(s.cx + i, Line.PAD, ps, s.ul);
        }
        int notWrap = s.wrap ? 0 : 1;
        s.cx = s.cx <= s.cols - notWrap - w ? s.cx + w : s.cols - notWrap;
    }

    /**
     * A plain ASCII run of n cells at x breaks the wide characters it half covers, the way tmux's
     * screen_write_collect_end does: pads left of the run back to their character, and pads after it.
     */
    private static void overwriteRun(Line l, int x, int n) {
        int[] cp = l.cp;
        if (x != 0) {
            int xx = x;
            while (xx > 0 && cp[xx] == Line.PAD) {
                l.set(xx, ' ', Style.DEFAULT);
                xx--;
            }
            if (xx > 0) {     // tmux looks at the character only when it stopped on one
                if (cp[xx] != Line.PAD && wideChar(cp[xx])) {
                    l.set(xx, ' ', Style.DEFAULT);
                }
            }
        }
        for (int xx = x + n; xx < cp.length && cp[xx] == Line.PAD; xx++) {
            l.set(xx, ' ', Style.DEFAULT);
        }
    }

    /**
     * One cell of width w at x, as tmux's screen_write_overwrite: a pad under it clears back to its
     * character; pads after it are cleared only when a wide character is involved.
     */
    private static void overwriteCell(Line l, int x, int w) {
        int[] cp = l.cp;
        boolean onPad = cp[x] == Line.PAD;
        int nowWidth = onPad ? 0 : wideChar(cp[x]) ? 2 : 1;
        if (onPad) {
            int xx = x + 1;
            while (--xx > 0) {
                if (cp[xx] != Line.PAD) {
                    break;
                }
                l.set(xx, ' ', Style.DEFAULT);
            }
            l.set(xx, ' ', Style.DEFAULT);
        }
        if (w != 1 || nowWidth != 1 || onPad) {
            for (int xx = x + w; xx < cp.length && cp[xx] == Line.PAD; xx++) {
                l.set(xx, ' ', Style.DEFAULT);
            }
        }
    }

    static boolean wideChar(int c) {
        return c >= 0x80 && CharWidth.of(c) == 2;
    }

    private static void combine(Screen s, int cp) {
        if (s.cx == 0) {
            return;
        }
        Line l = s.lines[s.cy];
        int x = s.cx - 1;
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
        Line w = s.line(s.cy);
        w.setCombo(x, joined);
        if (x >= w.used) {
            w.used = x + 1;       // tmux writes the combined cell back, even onto a blank
        }
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** REP: repeats the s.last ASCII character, never past the end of the line (tmux). */
    static void repeat(Screen s, int n) {
        if (s.last < 0) {
            return;
        }
        n = Math.min(n, s.cols - s.cx);
        byte[] c = {(byte) s.last};
        for (int i = 0; i < n; i++) {
            printAscii(s, c, 0, 1);
        }
    }
}
