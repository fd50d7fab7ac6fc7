package dev.ferry.terminal;

/** DEC special graphics (ESC ( 0): the Unicode a client terminal should show for each ASCII byte. */
final class Charsets {
    private static final String GRAPHICS =
            "\u25c6\u2592\u2409\u240c\u240d\u240a\u00b0\u00b1\u2424\u240b\u2518\u2510\u250c\u2514\u253c\u23ba"
            + "\u23bb\u2500\u23bc\u23bd\u251c\u2524\u2534\u252c\u2502\u2264\u2265\u03c0\u2260\u00a3\u00b7";

    private Charsets() {}

    /** The glyph for ASCII c in the special graphics set (0x60-0x7e are mapped; the rest stay). */
    static int graphics(int c) {
        return c >= 0x60 && c <= 0x7E ? GRAPHICS.charAt(c - 0x60) : c;
    }
}
