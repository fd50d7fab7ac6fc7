package dev.ferry.terminal;

/** SGR (CSI m) in both ; and : forms, as tmux 3.3's input_csi_dispatch_sgr reads them. */
final class Sgr {
    private Sgr() {}

    static void apply(Screen s, Dispatcher d) {
        if (d.count() == 0) {
            s.style = Style.DEFAULT;
            return;
        }
        long st = s.style;
        for (int i = 0; i < d.count(); i++) {
            if (d.isColon(i)) {
                st = colon(st, d.colonParts(i));
                continue;
            }
            int n = d.get(i, 0, 0);
            if (n == 38 || n == 48 || n == 58) {
                i++;
                int kind = d.get(i, 0, -1);
                if (kind == 5) {
                    int c = d.get(i + 1, 0, -1);
                    st = colour(st, n, c == -1 || c > 255 ? 0 : Style.palette(c));
                    i++;
                } else if (kind == 2) {
                    int r = d.get(i + 1, 0, -1), g = d.get(i + 2, 0, -1), b = d.get(i + 3, 0, -1);
                    if (r >= 0 && r <= 255 && g >= 0 && g <= 255 && b >= 0 && b <= 255) {
                        st = colour(st, n, Style.rgb(r, g, b));
                        i += 3;
                    }
                }
                continue;
            }
            st = simple(st, n);
        }
        s.style = st;
    }

    private static long colour(long st, int which, int colour) {
        return switch (which) {
            case 38 -> Style.withFg(st, colour);
            case 48 -> Style.withBg(st, colour);
            default -> st;     // underline colour (58) is not kept
        };
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
        if (p.length < 2 || (p[0] != 38 && p[0] != 48 && p[0] != 58)) {
            return st;
        }
        if (p[1] == 2 && p.length >= 3) {
            int i = p.length == 5 ? 2 : 3;
            if (p.length >= i + 3) {
                int r = p[i], g = p[i + 1], b = p[i + 2];
                if (r >= 0 && r <= 255 && g >= 0 && g <= 255 && b >= 0 && b <= 255) {
                    st = colour(st, p[0], Style.rgb(r, g, b));
                }
            }
        } else if (p[1] == 5 && p.length >= 3) {
            int c = p[2];
            st = colour(st, p[0], c == -1 || c > 255 ? 0 : Style.palette(c));
        }
        return st;
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
