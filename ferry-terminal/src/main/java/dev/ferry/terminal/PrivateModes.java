package dev.ferry.terminal;

/** DEC private modes (CSI ? n h/l) that tmux 3.3 acts on; the rest are ignored as tmux ignores them. */
final class PrivateModes {
    private PrivateModes() {}

    static void set(Screen s, int mode, boolean on) {
        switch (mode) {
            case 1 -> s.cursorKeys = on;
            case 3 -> {                     // DECCOLM: tmux clears and homes but keeps the width
                Cursor.moveTo(s, 0, 0, true);
                s.clearScreen(s.erase());
            }
            case 6 -> {
                s.origin = on;
                Cursor.moveTo(s, 0, 0, true);
            }
            case 7 -> s.wrap = on;
            case 25 -> s.cursorVisible = on;
            case 1000, 1002, 1003 -> s.mouse = on ? mode : 0;
            case 1001 -> {
                if (!on) {
                    s.mouse = 0;
                }
            }
            case 1004 -> s.focus = on;
            case 1006 -> s.mouseSgr = on;
            case 2004 -> s.paste = on;
            case 47, 1047 -> {
                if (on) {
                    ScreenLayout.alternateOn(s, false);
                } else {
                    ScreenLayout.alternateOff(s, false);
                }
            }
            case 1049 -> {
                if (on) {
                    ScreenLayout.alternateOn(s, true);
                } else {
                    ScreenLayout.alternateOff(s, true);
                }
            }
            default -> { }
        }
    }
}
