package dev.ferry.terminal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns parsed controls and sequences into screen operations, following tmux 3.3's input.c tables. */
final class Dispatcher {
    static final int MAX_PARAMS = 23;     // tmux drops sequences with more (its list holds 24, one kept spare)
    private static final int MISSING = -1, COLON = -2;

    private final Screen s;
    private final Parser p;
    private final int[] params = new int[MAX_PARAMS];
    private final int[] colonStart = new int[MAX_PARAMS];
    private final int[] colonEnd = new int[MAX_PARAMS];
    private int count;

    Dispatcher(Screen s, Parser p) {
        this.s = s;
        this.p = p;
    }

    void control(int c) {
        switch (c) {
            case 0x08 -> Cursor.backspace(s);
            case 0x09 -> Cursor.tab(s);
            case 0x0A, 0x0B, 0x0C -> s.lineFeed(false, s.erase());
            case 0x0D -> Cursor.carriageReturn(s);
            case 0x0E -> s.shift = 1;
            case 0x0F -> s.shift = 0;
            default -> { }
        }
        s.last = -1;
    }

    /** The ESC sequences tmux 3.3 knows; only those reset REP's last character. */
    private static boolean knownEsc(int inter, int fin) {
        return switch (inter) {
            case 0 -> "78=>DEHM\\c".indexOf(fin) >= 0;
            case '(', ')' -> fin == '0' || fin == 'B';
            case '#' -> fin == '8';
            default -> false;
        };
    }

    /** The CSI sequences tmux 3.3 knows (its input_csi_table). */
    private static boolean knownCsi(int inter, int fin) {
        return switch (inter) {
            case 0 -> "@ABCDEFGHJKLMPSTXZ`bcdfghlmnrstu".indexOf(fin) >= 0;
            case '?' -> fin == 'h' || fin == 'l';
            case '>' -> "cmnq".indexOf(fin) >= 0;
            case ' ' -> fin == 'q';
            default -> false;
        };
    }

    void esc(int fin) {
        if (p.discard || !knownEsc(p.inter, fin)) {
            return;
        }
        s.last = -1;
        int inter = p.inter;
        if (inter == 0) {
            switch (fin) {
                case '7' -> Cursor.saveCursor(s);
                case '8' -> Cursor.restoreCursor(s);
                case '=' -> s.keypad = true;
                case '>' -> s.keypad = false;
                case 'D' -> s.lineFeed(false, s.erase());
                case 'E' -> {
                    Cursor.carriageReturn(s);
                    s.lineFeed(false, s.erase());
                }
                case 'H' -> {
                    if (s.cx < s.cols) {
                        s.tabs[s.cx] = true;
                    }
                }
                case 'M' -> s.reverseIndex();
                case 'c' -> ScreenLayout.reset(s);
                default -> { }
            }
        } else if (inter == '(' || inter == ')') {
            int set = fin == '0' ? 1 : fin == 'B' ? 0 : -1;
            if (set >= 0) {
                if (inter == '(') {
                    s.g0 = set;
                } else {
                    s.g1 = set;
                }
            }
        } else if (inter == '#' && fin == '8') {
            s.alignmentTest();
        }
    }

    void csi(int fin) {
        if (p.discard || !parseParams() || !knownCsi(p.inter, fin)) {
            return;
        }
        dispatchCsi(fin);
        s.last = -1;
    }

    private void dispatchCsi(int fin) {
        int inter = p.inter;
        if (inter == '?') {
            if (fin == 'h' || fin == 'l') {
                for (int i = 0; i < count; i++) {
                    PrivateModes.set(s, get(i, 0, -1), fin == 'h');
                }
            }
            return;
        }
        if (inter == ' ' && fin == 'q') {
            int n = get(0, 0, 0);
            if (n >= 0 && n <= 6) {
                s.cursorStyle = n;
            }
            return;
        }
        if (inter == '>' && fin == 'c') {
            Replies.secondaryAttributes(s, get(0, 0, 0));
            return;
        }
        if (inter != 0) {
            return;
        }
        int n = get(0, 1, 1);
        switch (fin) {
            case '@' -> { if (n != -1) s.insertChars(n); }
            case 'A' -> { if (n != -1) Cursor.cursorUp(s, n); }
            case 'B' -> { if (n != -1) Cursor.cursorDown(s, n); }
            case 'C' -> { if (n != -1) Cursor.cursorRight(s, n); }
            case 'D' -> { if (n != -1) Cursor.cursorLeft(s, n); }
            case 'E' -> {
                if (n != -1) {
                    Cursor.carriageReturn(s);
                    Cursor.cursorDown(s, n);
                }
            }
            case 'F' -> {
                if (n != -1) {
                    Cursor.carriageReturn(s);
                    Cursor.cursorUp(s, n);
                }
            }
            case 'G', '`' -> { if (n != -1) Cursor.moveTo(s, n - 1, -1, true); }
            case 'H', 'f' -> {
                int m = get(1, 1, 1);
                if (n != -1 && m != -1) {
                    Cursor.moveTo(s, m - 1, n - 1, true);
                }
            }
            case 'd' -> { if (n != -1) Cursor.moveTo(s, -1, n - 1, true); }
            case 'J' -> s.eraseDisplay(get(0, 0, 0));
            case 'K' -> s.eraseLine(get(0, 0, 0));
            case 'L' -> { if (n != -1) s.insertLines(n); }
            case 'M' -> { if (n != -1) s.deleteLines(n); }
            case 'P' -> { if (n != -1) s.deleteChars(n); }
            case 'S' -> { if (n != -1) s.scrollUp(s.top, s.bottom, n, s.erase()); }
            case 'T' -> { if (n != -1) s.scrollDown(s.top, s.bottom, n, s.erase()); }
            case 'X' -> { if (n != -1) s.eraseChars(n); }
            case 'Z' -> { if (n != -1) Cursor.backTab(s, n); }
            case 'b' -> {
                if (n != -1) {
                    Printer.repeat(s, n);
                }
            }
            case 't' -> windowOps();
            case 'g' -> {
                int m = get(0, 0, 0);
                if (m == 0 && s.cx < s.cols) {
                    s.tabs[s.cx] = false;
                } else if (m == 3) {
                    java.util.Arrays.fill(s.tabs, false);
                }
            }
            case 'h', 'l' -> {
                for (int i = 0; i < count; i++) {
                    if (get(i, 0, -1) == 4) {
                        s.insert = fin == 'h';
                    }
                }
            }
            case 'm' -> Sgr.apply(s, this);
            case 'r' -> {
                int t = get(0, 1, 1), b = get(1, 1, s.rows);
                if (t != -1 && b != -1) {
                    Cursor.setRegion(s, t - 1, b - 1);
                }
            }
            case 's' -> Cursor.saveCursor(s);
            case 'u' -> Cursor.restoreCursor(s);
            case 'c' -> Replies.primaryAttributes(s, get(0, 0, 0));
            case 'n' -> Replies.deviceStatus(s, get(0, 0, 0));
            default -> { }
        }
    }

    /** XTWINOPS: only the title stack (22/23) changes what tmux shows; the rest are skipped like tmux. */
    private void windowOps() {
        for (int m = 0; ; m++) {
            int n = get(m, 0, -1);
            if (n == -1) {
                return;
            }
            switch (n) {
                case 3, 4, 8 -> {
                    if (get(++m, 0, -1) == -1 || get(++m, 0, -1) == -1) {
                        return;
                    }
                }
                case 9, 10 -> {
                    if (get(++m, 0, -1) == -1) {
                        return;
                    }
                }
                case 22, 23 -> {
                    int which = get(++m, 0, -1);
                    if (which == -1) {
                        return;
                    }
                    if (which == 0 || which == 2) {
                        if (n == 22) {
                            s.pushTitle();
                        } else {
                            s.popTitle();
                        }
                    }
                }
                default -> { }
            }
        }
    }

    int count() { return count; }

    boolean isColon(int i) { return i < count && params[i] == COLON; }

    /** tmux's input_get: default when absent, -1 for a colon parameter, at least min otherwise. */
    int get(int i, int min, int def) {
        if (i >= count || params[i] == MISSING) {
            return def;
        }
        if (params[i] == COLON) {
            return -1;
        }
        return Math.max(params[i], min);
    }

    /** The colon-separated parts of parameter i (empty parts -1); null when more than 8, as tmux refuses. */
    int[] colonParts(int i) {
        int[] out = new int[8];
        int n = 0, v = -1;
        for (int k = colonStart[i]; k <= colonEnd[i]; k++) {
            int c = k < colonEnd[i] ? p.paramBytes[k] : ':';
            if (c == ':') {
                if (n == 8) {
                    return null;
                }
                out[n++] = v;
                v = -1;
            } else {
                v = v < 0 ? c - '0' : (int) Math.min(Integer.MAX_VALUE, v * 10L + (c - '0'));
            }
        }
        return n == 8 ? null : java.util.Arrays.copyOf(out, n);
    }

    private boolean parseParams() {
        count = 0;
        int len = p.paramLen;
        if (len == 0) {
            return true;
        }
        int start = 0;
        for (int k = 0; k <= len; k++) {
            if (k == len || p.paramBytes[k] == ';') {
                if (count == MAX_PARAMS) {
                    return false;
                }
                if (!parseOne(start, k)) {
                    return false;
                }
                start = k + 1;
            }
        }
        return true;
    }

    private boolean parseOne(int from, int to) {
        int i = count++;
        if (from == to) {
            params[i] = MISSING;
            return true;
        }
        long v = 0;
        for (int k = from; k < to; k++) {
            int c = p.paramBytes[k];
            if (c == ':') {
                params[i] = COLON;
                colonStart[i] = from;
                colonEnd[i] = to;
                return true;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
            if (v > Integer.MAX_VALUE) {
                return false;   // tmux refuses numbers past INT_MAX
            }
        }
        params[i] = (int) v;
        return true;
    }

    void osc() {
        if (p.strOverflow || p.strLen < 1) {
            return;
        }
        byte[] b = p.str;
        int k = 0, option = 0;
        if (b[0] < '0' || b[0] > '9') {
            return;
        }
        while (k < p.strLen && b[k] >= '0' && b[k] <= '9') {
            option = Math.min(option * 10 + (b[k++] - '0'), 100000);
        }
        if (k < p.strLen && b[k] == ';') {
            k++;
        }
        if (option == 0 || option == 2) {
            setTitle(b, k, p.strLen - k);
        }
    }

    /** tmux treats an APC string as a title too (screen's convention). */
    void apc() {
        if (!p.strOverflow) {
            setTitle(p.str, 0, p.strLen);
        }
    }

    private void setTitle(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == 0x7F) {
                return;     // tmux takes printable ASCII and valid UTF-8 only
            }
        }
        try {
            s.title = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            // tmux ignores a title that is not valid UTF-8
        }
    }
}
