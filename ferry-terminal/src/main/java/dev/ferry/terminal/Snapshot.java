package dev.ferry.terminal;

/**
 * Bytes that rebuild a screen in a fresh terminal of the same size: history lines first (they
 * scroll off into the new terminal's history), the main screen, the alternate screen if shown,
 * then tab stops, the DECSC slot, scroll region, modes, title, cursor and attributes.
 */
final class Snapshot {
    private final Out out = new Out();
    private final Screen s;
    private long style = Style.DEFAULT;
    private int ul;
    private int g0;

    private Snapshot(Screen s) {
        this.s = s;
    }

    static byte[] of(Screen s, int historyLines) {
        Snapshot snap = new Snapshot(s);
        snap.write(historyLines);
        return snap.out.toByteArray();
    }

    private void write(int historyLines) {
        int hs = s.history.size();
        for (int i = hs - historyLines; i < hs; i++) {
            Line l = s.history.get(i, s.cols);
            cells(l, 0, l.trimmedLength(), true);
            sgr(Style.DEFAULT, 0);
            out.b('\r').b('\n');
        }
        if (historyLines > 0) {
            for (int i = 0; i < s.rows - 1; i++) {
                out.b('\n');
            }
        }
        Line[] main = s.savedMain != null ? s.savedMain : s.lines;
        rows(main);
        if (s.savedMain != null) {
            if (s.altX >= 0) {
                out.moveTo(Math.min(s.altX, s.cols - 1), Math.min(s.altY, s.rows - 1));
                sgr(s.altStyle, s.altUl);
                out.mode(1049, true);
            } else {
                sgr(s.altStyle, s.altUl);
                out.mode(1047, true);
            }
            rows(s.lines);
        }
        tabs();
        savedCursor();
        if (s.top != 0 || s.bottom != s.rows - 1) {
            out.csi().num(s.top + 1).b(';').num(s.bottom + 1).b('r');
        }
        modes();
        cursor();
        sgr(s.style, s.ul);
        charsets(s.g0, s.g1, s.shift);
        if (s.insert) {
            out.csi().b('4').b('h');
        }
    }

    private void rows(Line[] lines) {
        for (int y = 0; y < lines.length && y < s.rows; y++) {
            Line l = lines[y];
            int n = Math.min(l.trimmedLength(), s.cols);
            if (n == 0) {
                continue;
            }
            int e = s.cols - 1;
            boolean lastHead = n == s.cols && e >= 1 && wideChar(l.cp[e]);
            out.moveTo(0, y);
            cells(l, 0, lastHead ? e : n, true);
            if (!lastHead && n == s.cols && e >= 1 && l.cp[e] == Line.PAD && !l.isWide(e - 1)
                    && l.cp[e - 1] != Line.PAD && !wideChar(l.cp[e - 1])) {
                // a right half alone in the last column: print a wide character over the last two
                // columns, erase its left half, and put the left cell back without auto-wrap (so
                // the write leaves the half alone, as tmux does)
                out.moveTo(e - 1, y);
                sgr(l.st[e], l.ul(e));
                out.cp(0x4E00).moveTo(e - 1, y).csi().b('X').mode(7, false);
                cell(l, e - 1);
                out.mode(7, true);
            }
            if (lastHead) {
                // a wide character pushed into the last column by ICH: re-create it the same way
                out.moveTo(e - 1, y);
                cell(l, e);
                out.moveTo(e - 1, y).csi().b('@');
                boolean padBefore = l.cp[e - 1] == Line.PAD && e >= 2 && l.isWide(e - 2);
                out.moveTo(padBefore ? e - 2 : e - 1, y);
                cells(l, padBefore ? e - 2 : e - 1, e, false);
            }
        }
    }

    private static boolean wideChar(int c) {
        return c >= 0x80 && CharWidth.of(c) == 2;
    }

    /**
     * Prints cells [from, to) of l at the cursor. Halves of wide characters broken by editing
     * are re-created with the same editing (DCH), when {@code repair} allows moving the rest of
     * the row; otherwise they become blanks.
     */
    private void cells(Line l, int from, int to, boolean repair) {
        for (int x = from; x < to; x++) {
            int c = l.cp[x];
            if (c == Line.PAD) {
                if (x > 0 && l.isWide(x - 1)) {
                    continue;
                }
                sgr(l.st[x], l.ul(x));
                if (repair && x + 1 < s.cols) {
                    // a right half alone: print a wide character, then delete its left half
                    out.cp(0x4E00).csi().b('2').b('D');
                    sgr(Style.DEFAULT, 0);
                    out.csi().b('P').csi().b('C');
                } else {
                    out.b(' ');
                }
            } else if (wideChar(c) && !l.isWide(x)) {
                if (repair && x + 1 < s.cols) {
                    // a left half alone: print it whole, then delete its right half
                    cell(l, x);
                    out.csi().b('D');
                    sgr(Style.DEFAULT, 0);
                    out.csi().b('P');
                } else {
                    sgr(l.st[x], l.ul(x));
                    out.b(' ');
                }
            } else {
                cell(l, x);
            }
        }
    }

    private void cell(Line l, int x) {
        long st = l.st[x];
        boolean gfx = (st & Style.CHARSET) != 0;
        if (gfx != (g0 == 1)) {
            out.b(0x1B).b('(').b(gfx ? '0' : 'B');
            g0 = gfx ? 1 : 0;
        }
        sgr(st, l.ul(x));
        String combo = l.combo(x);
        if (combo != null) {
            combo(combo);
        } else {
            out.cp(l.cp[x]);
        }
    }

    /**
     * A combined cell. tmux joins an ASCII character after a ZWJ only when the character does
     * not take its plain-text fast path; auto-wrap off is the harmless way to make it do so.
     */
    private void combo(String text) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x200D && i < text.length() && text.charAt(i) < 0x80) {
                out.mode(7, false).cp(c).b(text.charAt(i)).mode(7, true);
                i++;
            } else {
                out.cp(c);
            }
        }
    }

    private void tabs() {
        boolean standard = true;
        for (int x = 0; x < s.cols; x++) {
            if (s.tabs[x] != (x > 0 && x % 8 == 0)) {
                standard = false;
                break;
            }
        }
        if (standard) {
            return;
        }
        out.csi().b('3').b('g');
        for (int x = 0; x < s.cols; x++) {
            if (s.tabs[x]) {
                out.moveTo(x, 0).b(0x1B).b('H');
            }
        }
    }

    private void savedCursor() {
        if (s.savedX == 0 && s.savedY == 0 && s.savedStyle == Style.DEFAULT && s.savedG0 == 0 && s.savedG1 == 0
                && s.savedShift == 0 && !s.savedOrigin) {
            return;
        }
        out.moveTo(Math.min(s.savedX, s.cols - 1), s.savedY);
        if (s.savedOrigin) {
            out.mode(6, true);       // homes the cursor: move again (the region is still full)
            out.moveTo(Math.min(s.savedX, s.cols - 1), s.savedY);
        }
        sgr(s.savedStyle, s.savedUl);
        charsets(s.savedG0, s.savedG1, s.savedShift);
        out.b(0x1B).b('7');
        if (s.savedOrigin) {
            out.mode(6, false);
        }
    }

    private void charsets(int want0, int want1, int shift) {
        if (g0 != want0) {
            out.b(0x1B).b('(').b(want0 == 1 ? '0' : 'B');
            g0 = want0;
        }
        if (want1 == 1) {
            out.b(0x1B).b(')').b('0');
        }
        if (shift == 1) {
            out.b(0x0E);
        }
    }

    private void modes() {
        if (!s.wrap) {
            out.mode(7, false);
        }
        if (s.cursorKeys) {
            out.mode(1, true);
        }
        if (s.keypad) {
            out.b(0x1B).b('=');
        }
        if (s.paste) {
            out.mode(2004, true);
        }
        if (s.mouse != 0) {
            out.mode(s.mouse, true);
        }
        if (s.focus) {
            out.mode(1004, true);
        }
        if (s.mouseSgr) {
            out.mode(1006, true);
        }
        if (!s.cursorVisible) {
            out.mode(25, false);
        }
        if (s.cursorStyle != 0) {
            out.csi().num(s.cursorStyle).b(' ').b('q');
        }
        if (!s.title.isEmpty()) {
            out.b(0x1B).b(']').b('2').b(';').s(s.title).b(0x07);
        }
    }

    /** Places the cursor, re-printing the last column's cell to restore a pending wrap. */
    private void cursor() {
        boolean pending = s.cx >= s.cols;
        Line l = s.lines[s.cy];
        int x = pending ? s.cols - 1 : s.cx;
        if (pending && l.cp[x] == Line.PAD && x > 0 && l.isWide(x - 1)) {
            x--;
        }
        if (s.origin) {
            out.mode(6, true);
        }
        if (s.origin && (s.cy < s.top || s.cy > s.bottom)) {
            // CUP cannot leave the region in origin mode; DECSTBM homes to the true top-left
            out.csi().num(s.top + 1).b(';').num(s.bottom + 1).b('r');
            if (s.cy > 0) {
                out.csi().num(s.cy).b('B');
            }
            if (x > 0) {
                out.csi().num(x).b('C');
            }
        } else {
            out.moveTo(x, s.cy - (s.origin ? s.top : 0));
        }
        if (!pending) {
            return;
        }
        if (!s.wrap) {
            out.mode(7, true);   // only auto-wrap mode leaves the cursor past the last column
        }
        if (l.cp[x] == Line.PAD) {
            sgr(l.st[x], l.ul(x));        // an orphan pad in the last column cannot be printed; the cursor still wraps
            out.b(' ');
        } else {
            cell(l, x);
        }
        if (!s.wrap) {
            out.mode(7, false);
        }
    }

    private void sgr(long to, int toUl) {
        out.sgr(style, ul, to, toUl);
        style = to;
        ul = toUl;
    }
}
