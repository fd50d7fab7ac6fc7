package dev.ferry.terminal;

/** The screen operations that swap or reshape the whole grid: alternate screen, RIS, resize (tmux screen.c). */
final class ScreenLayout {
    private ScreenLayout() {}

    /** 47/1047/1049 set: the alternate screen starts blank; 1049 also saves the cursor. */
    static void alternateOn(Screen s, boolean saveCursor) {
        if (s.savedMain != null) {
            return;
        }
        s.savedMain = s.lines;
        if (saveCursor) {
            s.altX = s.cx;
            s.altY = s.cy;
        }
        s.altStyle = s.style;
        s.altUl = s.ul;
        s.lines = new Line[s.rows];
        for (int y = 0; y < s.rows; y++) {
            s.lines[y] = new Line(s.cols);
        }
    }

    /**
     * Leaving the alternate screen as tmux's screen_alternate_off does: the alternate grid is first
     * resized (and reflowed) back to the main screen's saved size, so what overflows joins the
     * history; then the cursor comes back (1049), the main lines return, and the whole screen is
     * resized to the current size with history on.
     */
    static void alternateOff(Screen s, boolean restoreCursor) {
        int cols = s.cols, rows = s.rows;
        if (s.savedMain != null) {
            int savedCols = s.savedMain[0].cols(), savedRows = s.savedMain.length;
            if (savedRows != s.rows) {
                resizeRows(s, savedRows);
            }
            if (savedCols != s.cols) {
                Reflow.apply(s, savedCols);
            }
        }
        if (restoreCursor && s.altX >= 0) {
            s.cx = s.altX;
            s.cy = s.altY;
            s.style = s.altStyle;
            s.ul = s.altUl;
        }
        if (s.savedMain != null) {
            s.lines = s.savedMain;
            s.savedMain = null;
            s.cy = Math.min(s.cy, s.rows - 1);
            s.cx = Math.min(s.cx, s.cols);
            resize(s, cols, rows);
        }
        s.cx = Math.min(s.cx, s.cols - 1);
        s.cy = Math.min(s.cy, s.rows - 1);
    }

    /** RIS as tmux does it: modes, region, tabs and attributes reset, screen cleared into history; title stays. */
    static void reset(Screen s) {
        s.style = Style.DEFAULT;
        s.ul = 0;
        s.g0 = s.g1 = s.shift = 0;
        s.savedX = s.savedY = 0;
        s.savedStyle = Style.DEFAULT;
        s.savedUl = 0;
        s.savedG0 = s.savedG1 = s.savedShift = 0;
        s.savedOrigin = false;
        s.resetTabs();
        s.top = 0;
        s.bottom = s.rows - 1;
        s.wrap = true;
        s.cursorVisible = true;
        s.insert = s.origin = s.cursorKeys = s.keypad = s.paste = s.focus = s.mouseSgr = false;
        s.mouse = 0;
        s.clearScreen(Style.DEFAULT);
        s.cx = 0;
        s.cy = 0;
    }

    /**
     * tmux's screen_resize without reflow: shrinking drops blank-or-not rows below the cursor
     * first, then pushes top rows into history (the main screen) or drops them (alternate);
     * growing pulls scrolled history back, then adds blank rows.
     */
    static void resize(Screen s, int cols, int rows) {
        if (rows != s.rows) {
            resizeRows(s, rows);
        }
        if (cols != s.cols) {
            if (s.savedMain == null) {
                Reflow.apply(s, cols);
            } else {
                for (int y = 0; y < s.rows; y++) {
                    s.lines[y] = s.lines[y].resized(cols);
                }
                s.cols = cols;
                s.cx = Math.min(s.cx, cols);
            }
            s.resetTabs();
        }
    }

    /**
     * tmux's screen_resize_y: shrinking drops rows below the cursor first, then pushes top rows
     * into history (main screen) or drops them (alternate); growing pulls scrolled history back,
     * then adds blank rows. The scroll region resets.
     */
    private static void resizeRows(Screen s, int rows) {
        int oldRows = s.rows;
        boolean withHistory = s.savedMain == null && s.history.limit() > 0;
        int cy = s.cy;
        java.util.ArrayList<Line> list = new java.util.ArrayList<>(java.util.Arrays.asList(s.lines));
        if (rows < oldRows) {
            int needed = oldRows - rows;
            int available = Math.min(oldRows - 1 - cy, needed);
            for (int i = 0; i < available; i++) {
                list.remove(list.size() - 1);
            }
            needed -= available;
            if (withHistory) {
                for (int i = 0; i < needed; i++) {
                    s.history.push(list.remove(0));
                }
                s.scrolled = Math.min(s.scrolled + needed, s.history.size());
                cy -= needed;
            } else {
                int drop = Math.min(cy, needed);
                for (int i = 0; i < drop; i++) {
                    list.remove(0);
                }
                cy -= drop;
                while (list.size() > rows) {
                    list.remove(list.size() - 1);
                }
            }
        } else {
            int needed = rows - oldRows;
            int pull = withHistory ? Math.min(s.scrolled, needed) : 0;
            for (int i = 0; i < pull; i++) {
                list.add(0, s.history.pop(s.cols));
            }
            s.scrolled -= pull;
            cy += pull;
            while (list.size() < rows) {
                list.add(new Line(s.cols));
            }
        }
        s.lines = list.toArray(new Line[0]);
        s.rows = rows;
        if (cy < 0) {
            s.cx = 0;
            cy = 0;
        }
        s.cy = Math.min(cy, rows - 1);
        s.top = 0;
        s.bottom = rows - 1;
    }
}
