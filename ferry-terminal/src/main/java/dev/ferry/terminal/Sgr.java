package dev.ferry.terminal;

/**
 * SGR (CSI m) in both ; and : forms, as tmux 3.3's input_csi_dispatch_sgr reads them. The
 * underline colour (58/59) goes to the screen's separate {@code ul} pen.
 */
final class Sgr {
    /** No colour given (an invalid 58 index): tmux leaves the underline colour as it was. */
    private static final int NONE = -1;

    private Sgr() {}

    static void apply(Screen s, Dispatcher d) {
        if (d.count() == 0) {
            s.style = Style.DEFAULT;
            s.ul = 0;
            return;
        }
        long st = s.style;
        int ul = s.ul;
        for (int i = 0; i < d.count(); i++) {
            if (d.isColon(i)) {
                int[] p = d.colonParts(i);
                if (p != null && p.length >= 2 && p[0] == 58) {
                    int c = colonColour(p);
                    ul = c == NONE ? ul : c;
                } else {
                    st = colon(st, p);
                }
                continue;
            }
            int n = d.get(i, 0, 0);
            if (n == 38 || n == 48 || n == 58) {
                i++;
                int kind = d.get(i, 0, -1);
                int c = NONE;
                if (kind == 5) {
                    c = d.get(i + 1, 0, -1);
                    c = c == -1 || c > 255 ? (n == 58 ? NONE : 0) : Style.palette(c);
                    i++;
                } else if (kind == 2) {
                    int r = d.get(i + 1, 0, -1), g = d.get(i + 2, 0, -1), b = d.get(i + 3, 0, -1);
                    if (r >= 0 && r <= 255 && g >= 0 && g <= 255 && b >= 0 && b <= 255) {
                        c = Style.rgb(r, g, b);
                        i += 3;
                    }
                }
                if (c != NONE) {
                    if (n == 58) {
                        ul = c;
                    } else {
                        st = colour(st, n, c);
                    }
                }
                continue;
            }
            if (n == 0 || n == 59) {
                ul = 0;
            }
            st = simple(st, n);
        }
        s.style = st;
        s.ul = ul;
    }

    private static long colour(long st, int which, int colour) {
        return which == 38 ? Style.withFg(st, colour) : Style.withBg(st, colour);
    }

    private static long colon(long st, int[] p) {
        if (p == null || p.length == 0) {
            return st;
        }
        if (p[0] == 4) {
            if (p.length == 2 && p[1] >= 0 && p[1] <= 5) {
                st = Style.withUnderline(st, p[1]);
            }
            return st;
        }
        if (p.length < 2 || (p[0] != 38 && p[0] != 48)) {
            return st;
        }
        int c = colonColour(p);
        return c == NONE ? st : colour(st, p[0], c);
    }

    /** The colour of a 38/48/58 colon form (tmux's input_csi_dispatch_sgr_colon), or NONE. */
    private static int colonColour(int[] p) {
        if (p[1] == 2 && p.length >= 3) {
            int i = p.length == 5 ? 2 : 3;
            if (p.length >= i + 3) {
                int r = p[i], g = p[i + 1], b = p[i + 2];
                if (r >= 0 && r <= 255 && g >= 0 && g <= 255 && b >= 0 && b <= 255) {
                    return Style.rgb(r, g, b);
                }
            }
        } else if (p[1] == 5 && p.length >= 3) {
            int c = p[2];
            return c == -1 || c > 255 ? (p[0] == 58 ? NONE : 0) : Style.palette(c);
        }
        return NONE;
    }

    private static long simple(long st, int n) {
        switch (n) {
            case 0: return Style.DEFAULT;
            case 1: return st | Style.BOLD;
            case 2: return st | Style.DIM;
            case 3: return st | Style.ITALIC;
            case 4: return Style.withUnderline(st, 1);
            case 5, 6: return st | Style.BLINK;
            case 7: return st | Style.INVERSE;
            case 8: return st | Style.HIDDEN;
            case 9: return st | Style.STRIKE;
            case 21: return Style.withUnderline(st, 2);
            case 22: return st & ~(Style.BOLD | Style.DIM);
            case 23: return st & ~Style.ITALIC;
            case 24: return Style.withUnderline(st, 0);
            case 25: return st & ~Style.BLINK;
            case 27: return st & ~Style.INVERSE;
            case 28: return st & ~Style.HIDDEN;
            case 29: return st & ~Style.STRIKE;
            case 39: return Style.withFg(st, 0);
            case 49: return Style.withBg(st, 0);
            case 53: return st | Style.OVERLINE;
            case 55: return st & ~Style.OVERLINE;
            default: break;
        }
        if (n >= 30 && n <= 37) {
            return Style.withFg(st, Style.basic(n - 30));
        }
        if (n >= 40 && n <= 47) {
            return Style.withBg(st, Style.basic(n - 40));
        }
        if (n >= 90 && n <= 97) {
            return Style.withFg(st, Style.basic(n - 90 + 8));
        }
        if (n >= 100 && n <= 107) {
            return Style.withBg(st, Style.basic(n - 100 + 8));
        }
        return st;
    }
}
