package dev.ferry.terminal;

/**
 * The visible screen as {@code tmux capture-pane -p [-e]} (tmux 3.3a) prints it: each row's
 * written cells (up to tmux's cellused), wide-character pads skipped, trailing spaces trimmed,
 * and with -e the SGR codes at attribute changes, carried from row to row, in tmux's own
 * format (an attribute removed starts with 0 and re-sends both colours; overline prints as 5:3).
 */
final class Capture {
    private static final long[] MASKS = {Style.BOLD, Style.DIM, Style.ITALIC, 1, Style.BLINK, Style.INVERSE,
        Style.HIDDEN, Style.STRIKE, 2, 3, 4, 5, Style.OVERLINE};
    private static final int[] CODES = {1, 2, 3, 4, 5, 7, 8, 9, 42, 43, 44, 45, 53};

    private Capture() {}

    static String text(Line[] lines, boolean codes) {
        StringBuilder out = new StringBuilder(lines.length * 40);
        long last = Style.DEFAULT;
        int lastUl = 0;
        for (Line l : lines) {
            int rowStart = out.length();
            for (int x = 0; x < l.used; x++) {
                if (l.cp[x] == Line.PAD) {
                    continue;
                }
                long st = l.st[x];
                int ul = l.ul(x);
                if (codes) {
                    code(out, last, lastUl, st, ul);
                    last = st;
                    lastUl = ul;
                }
                String c = l.combo(x);
                if (c != null) {
                    out.append(c);
                } else {
                    out.appendCodePoint(l.cp[x]);
                }
            }
            int end = out.length();
            while (end > rowStart && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean has(long st, int i) {
        long m = MASKS[i];
        return m <= 5 ? Style.underline(st) == m : (st & m) != 0;
    }

    private static void code(StringBuilder out, long last, int lastUl, long st, int ul) {
        if (last == st && lastUl == ul) {
            return;
        }
        int[] s = new int[MASKS.length + 1];
        int n = 0;
        boolean reset = false;
        for (int i = 0; i < MASKS.length; i++) {
            if (!has(st, i) && has(last, i) || lastUl != 0 && ul == 0) {
                s[n++] = 0;
                reset = true;
                break;
            }
        }
        for (int i = 0; i < MASKS.length; i++) {
            if (has(st, i) && (reset || !has(last, i))) {
                s[n++] = CODES[i];
            }
        }
        if (n > 0) {
            out.append("\033[");
            for (int i = 0; i < n; i++) {
                if (s[i] < 10) {
                    out.append(s[i]);
                } else {
                    out.append(s[i] / 10).append(':').append(s[i] % 10);
                }
                if (i + 1 < n) {
                    out.append(';');
                }
            }
            out.append('m');
        }
        colour(out, Style.fg(st), Style.fg(last), 30, reset);
        colour(out, Style.bg(st), Style.bg(last), 40, reset);
        if (ul != 0) {
            colour(out, ul, lastUl, 50, reset);    // tmux prints no code for the default underline colour
        }
        boolean cs = (st & Style.CHARSET) != 0, lcs = (last & Style.CHARSET) != 0;
        if (cs && !lcs) {
            out.append('\016');
        } else if (!cs && lcs) {
            out.append('\017');
        }
    }

    private static void colour(StringBuilder out, int c, int last, int base, boolean reset) {
        if (c == last && !reset) {
            return;
        }
        out.append("\033[");
        appendColour(out, c, base);
        out.append('m');
    }

    /** base 30 for foreground, 40 for background, 50 for underline (which has only 58;5 and 58;2). */
    static void appendColour(StringBuilder out, int c, int base) {
        int v = Style.value(c);
        switch (Style.kind(c)) {
            case Style.KIND_BASIC -> out.append(v < 8 ? base + v : base + 60 + v - 8);
            case Style.KIND_256 -> out.append(base + 8).append(";5;").append(v);
            case Style.KIND_RGB -> out.append(base + 8).append(";2;").append(v >> 16).append(';')
                    .append((v >> 8) & 255).append(';').append(v & 255);
            default -> out.append(base + 9);
        }
    }
}
