package dev.ferry.terminal;

/** Cursor motion, tab stops, the scroll region and DECSC/DECRC, with tmux 3.3's clamping rules. */
final class Cursor {
    private Cursor() {}


    static void carriageReturn(Screen s) { s.cx = 0; }

    static void backspace(Screen s) {
        if (s.cx == 0) {
            if (s.cy > 0 && s.lines[s.cy - 1].wrapped) {
                s.cy--;
                s.cx = s.cols - 1;
            }
        } else {
            s.cx--;
        }
    }

    static void tab(Screen s) {
        if (s.cx >= s.cols - 1) {
            return;
        }
        do {
            s.cx++;
        } while (s.cx < s.cols - 1 && !s.tabs[s.cx]);
    }

    static void backTab(Screen s, int n) {
        int x = Math.min(s.cx, s.cols - 1);
        while (x > 0 && n-- > 0) {
            do {
                x--;
            } while (x > 0 && !s.tabs[x]);
        }
        s.cx = x;
    }

    static void cursorUp(Screen s, int n) {
        n = Math.max(n, 1);
        n = Math.min(n, s.cy < s.top ? s.cy : s.cy - s.top);
        if (s.cx == s.cols) {
            s.cx--;
        }
        s.cy -= n;
    }

    static void cursorDown(Screen s, int n) {
        n = Math.max(n, 1);
        n = Math.min(n, s.cy > s.bottom ? s.rows - 1 - s.cy : s.bottom - s.cy);
        if (s.cx == s.cols) {
            s.cx--;
        }
        s.cy += n;
    }

    static void cursorRight(Screen s, int n) {
        n = Math.max(n, 1);
        int x = Math.min(s.cx, s.cols - 1);
        n = Math.min(n, s.cols - 1 - x);
        if (s.cx == s.cols) {
            s.cx = x;
        }
        s.cx += n;
    }

    static void cursorLeft(Screen s, int n) {
        n = Math.max(n, 1);
        s.cx -= Math.min(n, s.cx);
    }

    /** Absolute move, x or y -1 to keep; y relative to the region when s.origin mode is on. */
    static void moveTo(Screen s, int x, int y, boolean useOrigin) {
        if (useOrigin && y != -1 && s.origin) {
            y = y > s.bottom - s.top ? s.bottom : y + s.top;
        }
        if (x != -1) {
            s.cx = Math.min(x, s.cols - 1);
        }
        if (y != -1) {
            s.cy = Math.min(y, s.rows - 1);
        }
    }

    static void setRegion(Screen s, int t, int b) {
        t = Math.min(t, s.rows - 1);
        b = Math.min(b, s.rows - 1);
        if (t >= b) {
            return;
        }
        s.top = t;
        s.bottom = b;
        s.cx = 0;
        s.cy = 0;
    }

    static void saveCursor(Screen s) {
        s.savedX = s.cx;
        s.savedY = s.cy;
        s.savedStyle = s.style;
        s.savedUl = s.ul;
        s.savedG0 = s.g0;
        s.savedG1 = s.g1;
        s.savedShift = s.shift;
        s.savedOrigin = s.origin;
    }

    static void restoreCursor(Screen s) {
        s.style = s.savedStyle;
        s.ul = s.savedUl;
        s.g0 = s.savedG0;
        s.g1 = s.savedG1;
        s.shift = s.savedShift;
        s.origin = s.savedOrigin;
        moveTo(s, s.savedX, s.savedY, false);
    }
}
