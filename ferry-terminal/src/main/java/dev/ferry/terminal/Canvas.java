package dev.ferry.terminal;

/**
 * Composes one {@link Frame} out of several: pane frames placed at offsets, text such as borders
 * and status lines written in between, one cursor. This is how a multi-pane layout (a tmate
 * window) becomes a single picture that {@link Renderer} can diff onto a client.
 *
 * <p>Not thread-safe; build, then take {@link #frame()} once.
 */
public final class Canvas {
    /** A colour argument meaning "the terminal's default". */
    public static final int DEFAULT = -1;

    private final Line[] lines;
    private final int cols;
    private int cursorX, cursorY, cursorStyle;
    private Modes modes = new Modes(false, false, false, 0, false, false, true);
    private String title = "";

    /** A blank canvas of this size (clamped like a terminal's size). */
    public Canvas(int cols, int rows) {
        this.cols = Terminal.clamp(cols);
        int r = Terminal.clamp(rows);
        lines = new Line[r];
        for (int y = 0; y < r; y++) lines[y] = new Line(this.cols);
    }

    public int cols() { return cols; }

    public int rows() { return lines.length; }

    /**
     * Copies the top-left {@code width}x{@code height} cells of {@code src} to column {@code x}, row
     * {@code y}, clipped to the canvas. A wide character cut by the right edge becomes a blank.
     */
    public void draw(Frame src, int x, int y, int width, int height) {
        int h = Math.min(height, src.rows());
        int w = Math.min(width, src.cols());
        for (int r = 0; r < h; r++) {
            int ty = y + r;
            if (ty < 0 || ty >= lines.length) continue;
            Line from = src.lines[r];
            Line to = lines[ty];
            for (int c = 0; c < w; c++) {
                int tx = x + c;
                if (tx < 0 || tx >= cols) continue;
                int cp = from.cp[c];
                boolean cut = (cp == Line.PAD && (c == 0 || tx == 0))
                        || (from.isWide(c) && (c + 1 >= w || tx + 1 >= cols));
                if (cut) {
                    to.set(tx, ' ', from.st[c]);
                    continue;
                }
                to.set(tx, cp, from.st[c]);
                String combo = from.combo(c);
                if (combo != null) to.setCombo(tx, combo);
            }
        }
    }

    /**
     * Writes {@code text} from column {@code x} of row {@code y}, one cell per character (wide
     * characters take two), clipped at the right edge. Colours are 0-7 (ANSI) or {@link #DEFAULT}.
     */
    public void text(int x, int y, String text, int fg, int bg, boolean bold) {
        if (y < 0 || y >= lines.length) return;
        long style = Style.DEFAULT;
        if (fg >= 0) style = Style.withFg(style, Style.basic(fg & 15));
        if (bg >= 0) style = Style.withBg(style, Style.basic(bg & 15));
        if (bold) style |= Style.BOLD;
        Line line = lines[y];
        int tx = x;
        for (int i = 0; i < text.length() && tx < cols; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int width = cp < 0x20 || cp == 0x7f ? 0 : CharWidth.of(cp);
            if (width <= 0) continue;
            if (width == 2 && tx + 1 >= cols) break;
            if (tx >= 0) line.set(tx, cp, style);
            if (width == 2 && tx + 1 >= 0) line.set(tx + 1, Line.PAD, style);
            tx += width;
        }
    }

    /** Fills {@code count} cells of row {@code y} from column {@code x} with a blank of this background. */
    public void fill(int x, int y, int count, int bg) {
        if (y < 0 || y >= lines.length) return;
        long style = bg >= 0 ? Style.withBg(Style.DEFAULT, Style.basic(bg & 15)) : Style.DEFAULT;
        for (int c = Math.max(0, x); c < Math.min(cols, x + count); c++) lines[y].set(c, ' ', style);
    }

    /** Where the cursor shows, with what shape and which modes the client's terminal should mirror. */
    public void cursor(int x, int y, int style, Modes modes) {
        cursorX = Math.max(0, Math.min(x, cols - 1));
        cursorY = Math.max(0, Math.min(y, lines.length - 1));
        cursorStyle = style;
        this.modes = modes;
    }

    public void title(String title) {
        this.title = title == null ? "" : title;
    }

    /** The picture so far. The canvas must not be drawn on afterwards. */
    public Frame frame() {
        for (Line l : lines) l.frozen = true;
        return new Frame(lines.clone(), cols, cursorX, cursorY, cursorStyle, modes, title);
    }
}
