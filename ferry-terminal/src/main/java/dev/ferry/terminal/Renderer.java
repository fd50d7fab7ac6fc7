package dev.ferry.terminal;

import java.util.Arrays;
import java.util.Objects;

/**
 * Draws frames onto one client terminal of its own size, the way tmux and mosh draw: it remembers
 * what the client shows and emits only the bytes that bring it up to date. A client smaller than
 * the frame sees the top-left part (cropped; the cursor's region kept in view); a larger one sees
 * the frame padded. An optional status line takes the client's last row.
 *
 * <p>Not thread-safe: one per client, used by that client's writer.
 */
public final class Renderer {
    private int cols, rows;
    /** What the client shows, row by row (null: unknown). */
    private int[][] shownCp;
    private long[][] shownSt;
    private int[][] shownUl;
    private String[][] shownCombo;
    /** The frame line and crop offset each row was last drawn from: identical means unchanged. */
    private Line[] source;
    private int[] sourceX;
    private String shownStatus;
    private Modes shownModes;
    private String shownTitle;
    private int shownCursorStyle = -1;
    private long style;
    private int ul;
    private boolean known;
    /** Where the client's cursor is (-1: not known, e.g. after a cluster whose width the client decides). */
    private int shownX = -1, shownY = -1;

    /** A renderer for a client of this size that shows nothing known yet (the first render redraws all). */
    public Renderer(int cols, int rows) {
        resize(cols, rows);
    }

    /** The client's window changed; the next render redraws it fully. */
    public void resize(int cols, int rows) {
        this.cols = Terminal.clamp(cols);
        this.rows = Terminal.clamp(rows);
        invalidate();
    }

    /** Forget what the client shows (e.g. after dropping its backlog); the next render redraws fully. */
    public void invalidate() {
        known = false;
        shownCp = new int[rows][cols];
        shownSt = new long[rows][cols];
        shownUl = new int[rows][cols];
        shownCombo = new String[rows][cols];
        source = new Line[rows];
        sourceX = new int[rows];
        shownStatus = null;
        shownModes = null;
        shownTitle = null;
        shownCursorStyle = -1;
        shownX = shownY = -1;
    }

    /**
     * The bytes that make the client show {@code frame}, with {@code statusLine} on its last row
     * when not null. Returns an empty array when nothing changed.
     */
    public byte[] render(Frame frame, String statusLine) {
        Out out = new Out();
        if (!known) {
            out.csi().b('0').b('m').b(0x1B).b('(').b('B').b(0x0F).csi().b('H').csi().b('2').b('J');
            style = Style.DEFAULT;
            ul = 0;
            shownX = 0;
            shownY = 0;
            for (int[] r : shownCp) {
                Arrays.fill(r, ' ');
            }
            for (long[] r : shownSt) {
                Arrays.fill(r, Style.DEFAULT);
            }
            for (int[] r : shownUl) {
                Arrays.fill(r, 0);
            }
        }
        int viewRows = statusLine != null ? Math.max(rows - 1, 0) : rows;
        int visRows = Math.min(viewRows, frame.rows());
        int visCols = Math.min(cols, frame.cols());
        int cx = Math.min(frame.cursorX(), frame.cols() - 1);
        int offY = clampOffset(frame.cursorY(), visRows, frame.rows());
        int offX = clampOffset(cx, visCols, frame.cols());
        int[] wantCp = new int[cols];
        long[] wantSt = new long[cols];
        int[] wantUl = new int[cols];
        String[] wantCombo = new String[cols];
        boolean drew = false;
        for (int y = 0; y < viewRows; y++) {
            Line src = y < visRows ? frame.lines[y + offY] : null;
            if (known && src != null && source[y] == src && sourceX[y] == offX) {
                continue;
            }
            fillRow(src, offX, visCols, wantCp, wantSt, wantUl, wantCombo);
            drew |= diffRow(out, y, wantCp, wantSt, wantUl, wantCombo);
            source[y] = src;
            sourceX[y] = offX;
        }
        if (statusLine != null && (!known || !statusLine.equals(shownStatus))) {
            statusRow(statusLine, wantCp, wantSt, wantUl, wantCombo);
            drew |= diffRow(out, rows - 1, wantCp, wantSt, wantUl, wantCombo);
            source[rows - 1] = null;
        } else if (statusLine == null && shownStatus != null && viewRows == rows) {
            source[rows - 1] = null;     // the row was the status line: redraw it from the frame next time
            fillRow(rows - 1 < visRows ? frame.lines[rows - 1 + offY] : null, offX, visCols, wantCp, wantSt, wantUl, wantCombo);
            drew |= diffRow(out, rows - 1, wantCp, wantSt, wantUl, wantCombo);
            source[rows - 1] = rows - 1 < visRows ? frame.lines[rows - 1 + offY] : null;
        }
        shownStatus = statusLine;
        modes(out, frame);
        int curX = Math.min(cx - offX, cols - 1), curY = frame.cursorY() - offY;
        int wantX = Math.max(curX, 0), wantY = Math.max(0, Math.min(curY, rows - 1));
        out.sgr(style, ul, Style.DEFAULT, 0);
        style = Style.DEFAULT;
        ul = 0;
        if (wantX != shownX || wantY != shownY) {
            out.moveTo(wantX, wantY);
            shownX = wantX;
            shownY = wantY;
        }
        known = true;
        return out.toByteArray();
    }

    private static int clampOffset(int cursor, int visible, int total) {
        if (visible >= total) {
            return 0;
        }
        return Math.max(0, Math.min(cursor - visible + 1, total - visible));
    }

    private void fillRow(Line src, int offX, int visCols, int[] cp, long[] st, int[] ul, String[] combo) {
        Arrays.fill(cp, ' ');
        Arrays.fill(st, Style.DEFAULT);
        Arrays.fill(ul, 0);
        Arrays.fill(combo, null);
        if (src == null) {
            return;
        }
        for (int x = 0; x < visCols; x++) {
            int sx = x + offX;
            int c = src.cp[sx];
            long s = src.st[sx] & ~Style.CHARSET;
            ul[x] = src.ul(sx);
            if (c == Line.PAD) {
                boolean headShown = x > 0 && src.isWide(sx - 1);
                cp[x] = headShown ? Line.PAD : ' ';
                st[x] = s;
                continue;
            }
            boolean wide = src.isWide(sx);
            if (wide && x == visCols - 1 || !wide && c >= 0x80 && CharWidth.of(c) == 2) {
                cp[x] = ' ';       // never split a wide character at the crop edge
                st[x] = s;
                continue;
            }
            cp[x] = (src.st[sx] & Style.CHARSET) != 0 ? Charsets.graphics(c) : c;
            st[x] = s;
            combo[x] = (src.st[sx] & Style.CHARSET) != 0 ? null : clientText(src.combo(sx));
        }
    }

    /**
     * What a client terminal is sent for a combined cell: tmux's artefacts (an ASCII character
     * joined after a ZWJ, a dangling ZWJ) are dropped; real clusters pass unchanged.
     */
    static String clientText(String combo) {
        if (combo == null || combo.indexOf(0x200D) < 0) {
            return combo;
        }
        StringBuilder sb = new StringBuilder(combo.length());
        for (int i = 0; i < combo.length(); i++) {
            char c = combo.charAt(i);
            if (c == 0x200D && (i + 1 == combo.length() || combo.charAt(i + 1) < 0x80)) {
                i++;
                continue;
            }
            sb.append(c);
        }
        return sb.length() == 1 || (sb.length() == 2 && Character.isHighSurrogate(sb.charAt(0))) ? null : sb.toString();
    }

    private void statusRow(String text, int[] cp, long[] st, int[] ul, String[] combo) {
        Arrays.fill(cp, ' ');
        Arrays.fill(st, Style.INVERSE);
        Arrays.fill(ul, 0);
        Arrays.fill(combo, null);
        int x = 0;
        for (int i = 0; i < text.length() && x < cols; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x20 || c == 0x7F) {
                continue;
            }
            int w = c < 0x80 ? 1 : CharWidth.of(c);
            if (w <= 0 || x + w > cols) {
                continue;
            }
            cp[x] = c;
            if (w == 2) {
                cp[x + 1] = Line.PAD;
            }
            x += w;
        }
    }

    /** Emits the changed span of row y; returns whether anything was written. */
    private boolean diffRow(Out out, int y, int[] cp, long[] st, int[] ul, String[] combo) {
        int[] hc = shownCp[y];
        long[] hs = shownSt[y];
        int[] hu = shownUl[y];
        String[] ho = shownCombo[y];
        int first = 0;
        while (first < cols && hc[first] == cp[first] && hs[first] == st[first] && hu[first] == ul[first] && Objects.equals(ho[first], combo[first])) {
            first++;
        }
        if (first == cols) {
            return false;
        }
        int last = cols - 1;
        while (hc[last] == cp[last] && hs[last] == st[last] && hu[last] == ul[last] && Objects.equals(ho[last], combo[last])) {
            last--;
        }
        if (cp[first] == Line.PAD && first > 0) {
            first--;
        }
        if (last + 1 < cols && cp[last + 1] == Line.PAD) {
            last++;
        }
        if (shownX != first || shownY != y) {
            out.moveTo(first, y);
        }
        boolean lost = false;
        for (int x = first; x <= last; x++) {
            if (cp[x] == Line.PAD) {
                continue;
            }
            if (lost) {
                out.moveTo(x, y);
                lost = false;
            }
            out.sgr(style, this.ul, st[x], ul[x]);
            style = st[x];
            this.ul = ul[x];
            if (combo[x] != null) {
                out.s(combo[x]);
                // a joined sequence may take other widths on the client: place the next cell exactly
                lost = combo[x].indexOf(0x200D) >= 0;
            } else {
                out.cp(cp[x]);
            }
        }
        // after the last cell the cursor sits just right of it, unless that was the last column (pending wrap)
        shownX = lost || last + 1 >= cols ? -1 : last + 1;
        shownY = y;
        System.arraycopy(cp, 0, hc, 0, cols);
        System.arraycopy(st, 0, hs, 0, cols);
        System.arraycopy(ul, 0, hu, 0, cols);
        System.arraycopy(combo, 0, ho, 0, cols);
        return true;
    }

    private boolean modes(Out out, Frame f) {
        Modes m = f.modes(), o = shownModes;
        int before = out.length();
        if (o == null || m.applicationCursorKeys() != o.applicationCursorKeys()) {
            out.mode(1, m.applicationCursorKeys());
        }
        if (o == null || m.applicationKeypad() != o.applicationKeypad()) {
            out.b(0x1B).b(m.applicationKeypad() ? '=' : '>');
        }
        if (o == null || m.bracketedPaste() != o.bracketedPaste()) {
            out.mode(2004, m.bracketedPaste());
        }
        if (o == null || m.mouseTracking() != o.mouseTracking()) {
            if (o != null && o.mouseTracking() != 0) {
                out.mode(o.mouseTracking(), false);
            } else if (o == null) {
                out.mode(1000, false);
            }
            if (m.mouseTracking() != 0) {
                out.mode(m.mouseTracking(), true);
            }
        }
        if (o == null || m.mouseSgr() != o.mouseSgr()) {
            out.mode(1006, m.mouseSgr());
        }
        if (o == null || m.focusEvents() != o.focusEvents()) {
            out.mode(1004, m.focusEvents());
        }
        if (o == null || m.cursorVisible() != o.cursorVisible()) {
            out.mode(25, m.cursorVisible());
        }
        if (f.cursorStyle() != shownCursorStyle) {
            out.csi().num(f.cursorStyle()).b(' ').b('q');
            shownCursorStyle = f.cursorStyle();
        }
        if (!f.title().equals(shownTitle)) {
            out.b(0x1B).b(']').b('2').b(';').s(f.title()).b(0x07);
            shownTitle = f.title();
        }
        shownModes = m;
        return out.length() != before;
    }
}
