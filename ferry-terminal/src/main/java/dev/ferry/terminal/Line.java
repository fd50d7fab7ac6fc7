package dev.ferry.terminal;

import java.util.Arrays;

/**
 * One row of cells in primitive arrays: code points, packed {@link Style}s, and a side table for
 * the rare cells holding a combined cluster (base plus combining marks or a ZWJ sequence).
 *
 * <p>A line handed to a {@link Frame} is frozen and never changes again; the screen copies a
 * frozen line before its next write, so frames share unchanged lines for free.
 */
final class Line {
    /** The right half of a wide character. */
    static final int PAD = -1;

    final int[] cp;
    final long[] st;
    /** Full text of cells that hold more than one code point; null when none. */
    String[] combo;
    /** Underline colours (SGR 58, a {@link Style} colour, 0 default); null while every cell has none. */
    int[] ul;
    /** Like tmux's cellused: cells past this were never written and print nothing in capture -e. */
    int used;
    /**
     * Cells at and past this are blank (a space, default style, no cluster, no underline colour):
     * an upper bound kept by every write, so clearing and trimming stop here instead of at cols.
     */
    int dirty;
    /**
     * Every cell is printable ASCII in the default style (no cluster, no underline colour): kept
     * by every write (false may be stale, true never is), so history packs such lines unexamined.
     */
    boolean plain = true;
    /** The line ended by auto-wrap rather than a line feed. */
    boolean wrapped;
    boolean frozen;

    Line(int cols) {
        cp = new int[cols];
        st = new long[cols];
        Arrays.fill(cp, ' ');
    }

    private Line(Line o, int cols) {
        cp = Arrays.copyOf(o.cp, cols);
        st = Arrays.copyOf(o.st, cols);
        int n = Math.min(cols, o.cp.length);
        if (cols > n) {
            Arrays.fill(cp, n, cols, ' ');
        }
        if (o.combo != null) {
            combo = Arrays.copyOf(o.combo, cols);
        }
        if (o.ul != null) {
            ul = Arrays.copyOf(o.ul, cols);
        }
        used = Math.min(o.used, cols);
        dirty = Math.min(o.dirty, cols);
        plain = o.plain;
        wrapped = o.wrapped;
    }

    int cols() { return cp.length; }

    Line copy() { return new Line(this, cp.length); }

    Line resized(int cols) { return new Line(this, cols); }

    /** Blanks cells [from, to) with an erase style. */
    void clear(int from, int to, long style) {
        if (from >= to) {
            return;
        }
        if (style == Style.DEFAULT) {
            to = Math.min(to, dirty);      // past dirty every cell is blank already
            if (from >= to) {
                return;
            }
        } else {
            plain = false;
            if (to > dirty) {
                dirty = to;
            }
        }
        Arrays.fill(cp, from, to, ' ');
        if (!plain || style != Style.DEFAULT) {
            Arrays.fill(st, from, to, style);      // a plain line's styles are all default already
        }
        if (combo != null) {
            Arrays.fill(combo, from, to, null);
        }
        if (ul != null) {
            Arrays.fill(ul, from, to, 0);
        }
    }

    /** Blanks the whole line like tmux clearing a full line: nothing counts as written any more. */
    void reset(long style) {
        clear(0, cp.length, style);
        if (style == Style.DEFAULT) {
            dirty = 0;
            plain = true;
        }
        used = 0;
        wrapped = false;
    }

    void set(int x, int codepoint, long style) {
        set(x, codepoint, style, 0);
    }

    void set(int x, int codepoint, long style, int underlineColour) {
        cp[x] = codepoint;
        st[x] = style;
        if (combo != null) {
            combo[x] = null;
        }
        setUl(x, underlineColour);
        if (style != Style.DEFAULT || codepoint < 0x20 || codepoint > 0x7e) {
            plain = false;
        }
        if (x >= used) {
            used = x + 1;
        }
        if (x >= dirty) {
            dirty = x + 1;
        }
    }

    int ul(int x) { return ul == null ? 0 : ul[x]; }

    void setUl(int x, int colour) {
        if (ul == null) {
            if (colour == 0) {
                return;
            }
            ul = new int[cp.length];
        }
        ul[x] = colour;
        if (colour != 0) {
            plain = false;
            if (x >= dirty) {
                dirty = x + 1;
            }
        }
    }

    /** Sets the underline colour of cells [from, to). */
    void fillUl(int from, int to, int colour) {
        if (ul == null && colour == 0) {
            return;
        }
        if (ul == null) {
            ul = new int[cp.length];
        }
        Arrays.fill(ul, from, to, colour);
        if (colour != 0) {
            plain = false;
            if (to > dirty) {
                dirty = to;
            }
        }
    }

    /** True when some cell in [0, n) has an underline colour. */
    boolean hasUl(int n) {
        if (ul != null) {
            for (int x = 0; x < n; x++) {
                if (ul[x] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    String combo(int x) { return combo == null ? null : combo[x]; }

    void setCombo(int x, String text) {
        if (combo == null) {
            combo = new String[cp.length];
        }
        combo[x] = text;
        plain = false;
        if (x >= dirty) {
            dirty = x + 1;
        }
    }

    /** Copies cells [from, from+n) to [to, to+n) within this line (for ICH/DCH). */
    void move(int to, int from, int n) {
        if (to + n > dirty) {
            dirty = to + n;
        }
        System.arraycopy(cp, from, cp, to, n);
        System.arraycopy(st, from, st, to, n);
        if (combo != null) {
            System.arraycopy(combo, from, combo, to, n);
        }
        if (ul != null) {
            System.arraycopy(ul, from, ul, to, n);
        }
    }

    /** The text of cell x as a string (a space for a pad or blank). */
    String text(int x) {
        String c = combo(x);
        if (c != null) {
            return c;
        }
        int v = cp[x];
        return v == PAD ? "" : Character.toString(v);
    }

    /** True when x holds a wide character whose right half is still there. */
    boolean isWide(int x) {
        return x + 1 < cp.length && cp[x + 1] == PAD && cp[x] >= 0x80 && CharWidth.of(cp[x]) == 2;
    }

    /** Cells, styles and clusters are equal (used and wrapped aside: they do not show). */
    boolean sameCells(Line o) {
        if (o == this) {
            return true;
        }
        return Arrays.equals(cp, o.cp) && Arrays.equals(st, o.st) && combosEqual(o) && ulsEqual(o);
    }

    private boolean ulsEqual(Line o) {
        if (ul == null && o.ul == null) {
            return true;
        }
        for (int x = 0; x < cp.length; x++) {
            if (ul(x) != o.ul(x)) {
                return false;
            }
        }
        return true;
    }

    private boolean combosEqual(Line o) {
        if (combo == null && o.combo == null) {
            return true;
        }
        for (int x = 0; x < cp.length; x++) {
            String a = combo(x), b = o.combo(x);
            if (a == null ? b != null : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /** Last column + 1 that is not a default blank (for trimming). */
    int trimmedLength() {
        int n = dirty;
        while (n > 0 && cp[n - 1] == ' ' && st[n - 1] == Style.DEFAULT && combo(n - 1) == null && ul(n - 1) == 0) {
            n--;
        }
        return n;
    }
}
