package dev.ferry.terminal;

/**
 * What a screen capture does not show but a terminal must still get right: the cursor (column equals
 * the width in the pending-wrap state, as in tmux), the modes tmux reports, and the title.
 */
record PaneState(int cursorX, int cursorY, boolean cursorVisible, boolean applicationCursorKeys,
                 boolean applicationKeypad, int mouseTracking, boolean mouseSgr, String title) {

    /** Parses tmux's {@code display -p} line; a title still equal to tmux's default means none was set. */
    static PaneState parse(String line, String defaultTitle) {
        String[] f = line.split(" ", 10);
        if (f.length < 9) {
            throw new AssertionError("unexpected display -p output: " + line);
        }
        int mouse = f[7].equals("1") ? 1003 : f[6].equals("1") ? 1002 : f[5].equals("1") ? 1000 : 0;
        String title = f.length == 10 ? f[9] : "";
        return new PaneState(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2].equals("1"), f[3].equals("1"),
                f[4].equals("1"), mouse, f[8].equals("1"), title.equals(defaultTitle) ? "" : title);
    }

    static PaneState of(Terminal terminal) {
        Frame frame = terminal.frame();
        Modes modes = terminal.modes();
        return new PaneState(frame.cursorX(), frame.cursorY(), modes.cursorVisible(), modes.applicationCursorKeys(),
                modes.applicationKeypad(), modes.mouseTracking(), modes.mouseSgr(), terminal.title());
    }
}
