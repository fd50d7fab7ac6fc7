package dev.ferry.terminal;

/**
 * A cell's attributes packed in one {@code long}, so lines keep styles in a primitive array.
 *
 * <p>Bits 0-25 foreground, 26-51 background, 52-63 flags. A colour is {@code kind << 24 | value}:
 * kind 0 default, 1 basic (0-7 for SGR 30-37, 8-15 for SGR 90-97), 2 palette index, 3 RGB.
 * Basic and palette colours stay distinct, as tmux keeps them.
 */
final class Style {
    static final long DEFAULT = 0L;

    static final int KIND_DEFAULT = 0, KIND_BASIC = 1, KIND_256 = 2, KIND_RGB = 3;
    static final int BG_SHIFT = 26;
    static final long COLOUR_MASK = (1L << 26) - 1;
    static final long BG_MASK = COLOUR_MASK << BG_SHIFT;

    static final long BOLD = 1L << 52;
    static final long DIM = 1L << 53;
    static final long ITALIC = 1L << 54;
    static final int UNDERLINE_SHIFT = 55;          // 3 bits: 0 none, 1 single, 2 double, 3 curly, 4 dotted, 5 dashed
    static final long UNDERLINE_MASK = 7L << UNDERLINE_SHIFT;
    static final long BLINK = 1L << 58;
    static final long INVERSE = 1L << 59;
    static final long HIDDEN = 1L << 60;
    static final long STRIKE = 1L << 61;
    static final long OVERLINE = 1L << 62;
    /** The cell was printed while the DEC special graphics set was selected (tmux keeps the ASCII byte). */
    static final long CHARSET = 1L << 63;

    private Style() {}

    static int fg(long s) { return (int) (s & COLOUR_MASK); }

    static int bg(long s) { return (int) ((s >>> BG_SHIFT) & COLOUR_MASK); }

    static long withFg(long s, int colour) { return (s & ~COLOUR_MASK) | (colour & COLOUR_MASK); }

    static long withBg(long s, int colour) { return (s & ~BG_MASK) | ((colour & COLOUR_MASK) << BG_SHIFT); }

    /** What erasing leaves in a cell: the current background, nothing else (like tmux and xterm). */
    static long erased(long s) { return s & BG_MASK; }

    static int underline(long s) { return (int) ((s & UNDERLINE_MASK) >>> UNDERLINE_SHIFT); }

    static long withUnderline(long s, int style) {
        return (s & ~UNDERLINE_MASK) | ((long) Math.min(style, 5) << UNDERLINE_SHIFT);
    }

    static int kind(int colour) { return colour >>> 24; }

    static int value(int colour) { return colour & 0xFFFFFF; }

    static int basic(int n) { return KIND_BASIC << 24 | n; }

    static int palette(int n) { return KIND_256 << 24 | n; }

    static int rgb(int r, int g, int b) { return KIND_RGB << 24 | (r & 255) << 16 | (g & 255) << 8 | (b & 255); }
}
