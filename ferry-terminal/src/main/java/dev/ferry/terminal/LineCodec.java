package dev.ferry.terminal;

import java.util.Arrays;

/**
 * Packs a line into one compact byte array for history: trailing blanks trimmed, plain ASCII as
 * bytes, anything else as varint cells plus style runs (each a length and a compact style, usually
 * 1 to 3 bytes), then underline colours when a cell has one. One array per line and no wrapper
 * object keeps 2,000 lines of 80 columns near 210 KB, coloured or not.
 */
final class LineCodec {
    private static final int WRAPPED = 1, PLAIN = 2, USED = 4, TEXT = 8, UNDERLINE_COLOURS = 16;
    private static final byte[] EMPTY = {PLAIN};
    private static final byte[] EMPTY_WRAPPED = {PLAIN | WRAPPED};

    private byte[] buf = new byte[256];
    private int pos;
    /** Where each style run ends, found by the first pass so the writer need not scan again. */
    private int[] runEnds = new int[81];

    byte[] encode(Line line) {
        int n = line.trimmedLength();
        int flags = line.wrapped ? WRAPPED : 0;
        // tmux's cellused can reach past the text (blanks written, ICH); reflow counts it
        boolean usedExtra = line.used != n;
        if (n == 0 && !usedExtra) {
            return line.wrapped ? EMPTY_WRAPPED : EMPTY;
        }
        int[] cp = line.cp;
        long[] st = line.st;
        if (line.plain && !usedExtra) {
            return plainText(flags, cp, n);     // most scrolled-off lines: nothing to examine
        }
        // one pass: printable ASCII? how many style runs? (the hot path of scrolling output)
        if (runEnds.length <= n) {
            runEnds = new int[n + 1];
        }
        int[] ends = runEnds;
        int outside = 0;
        int runs = 0;
        long prev = n == 0 ? 0 : st[0];
        for (int x = 0; x < n; x++) {
            int c = cp[x];
            outside |= (c - 0x20) | (0x7e - c);
            long v = st[x];
            if (v != prev) {
                ends[runs++] = x;
                prev = v;
            }
        }
        if (n > 0) {
            ends[runs++] = n;
        }
        boolean ascii = outside >= 0 && (line.combo == null || noCombos(line, n));
        boolean ulColours = line.hasUl(n);
        boolean plainStyle = !ulColours && (runs == 0 || (runs == 1 && st[0] == Style.DEFAULT));
        if (ascii && plainStyle && !usedExtra) {
            return plainText(flags, cp, n);
        }
        pos = 0;
        if (ascii && plainStyle) {
            put(flags | PLAIN | USED);
            varint(line.used);
            for (int x = 0; x < n; x++) {
                put(cp[x]);
            }
            return Arrays.copyOf(buf, pos);
        }
        put(flags | (usedExtra ? USED : 0) | (ascii ? TEXT : 0) | (ulColours ? UNDERLINE_COLOURS : 0));
        if (usedExtra) {
            varint(line.used);
        }
        varint(n);
        if (ascii) {
            ensure(n);
            for (int x = 0; x < n; x++) {
                buf[pos++] = (byte) cp[x];
            }
        } else {
            for (int x = 0; x < n; x++) {
                String c = line.combo(x);
                if (c != null) {
                    varint(1);
                    varint(c.length());
                    for (int i = 0; i < c.length(); i++) {
                        varint(c.charAt(i));
                    }
                } else {
                    varint(cp[x] == Line.PAD ? 0 : cp[x] + 2);
                }
            }
        }
        // no run count: the runs cover exactly the n cells
        for (int r = 0, x = 0; r < runs; r++) {
            varint(ends[r] - x);
            style(st[x]);
            x = ends[r];
        }
        if (ulColours) {
            for (int x = 0; x < n; x++) {
                varint(line.ul[x]);      // rare: one varint a cell
            }
        }
        return Arrays.copyOf(buf, pos);
    }

    /**
     * A style in 1 to 15 bytes, usually 1 to 3: which parts are set, then each set colour as
     * value << 2 | kind and the flags, as varints (the default style is one zero byte).
     */
    private void style(long v) {
        int fg = Style.fg(v), bg = Style.bg(v);
        int attrs = (int) (v >>> 52);
        put((fg != 0 ? 1 : 0) | (bg != 0 ? 2 : 0) | (attrs != 0 ? 4 : 0));
        if (fg != 0) {
            varint(Style.value(fg) << 2 | Style.kind(fg));
        }
        if (bg != 0) {
            varint(Style.value(bg) << 2 | Style.kind(bg));
        }
        if (attrs != 0) {
            varint(attrs);
        }
    }

    private long readStyle(byte[] data) {
        int parts = data[pos++];
        long v = 0;
        if ((parts & 1) != 0) {
            int c = readVarint(data);
            v = Style.withFg(v, (c & 3) << 24 | c >>> 2);
        }
        if ((parts & 2) != 0) {
            int c = readVarint(data);
            v = Style.withBg(v, (c & 3) << 24 | c >>> 2);
        }
        if ((parts & 4) != 0) {
            v |= (long) readVarint(data) << 52;
        }
        return v;
    }

    private static byte[] plainText(int flags, int[] cp, int n) {
        byte[] out = new byte[n + 1];
        out[0] = (byte) (flags | PLAIN);
        for (int x = 0; x < n; x++) {
            out[x + 1] = (byte) cp[x];
        }
        return out;
    }

    private static boolean noCombos(Line line, int n) {
        for (int x = 0; x < n; x++) {
            if (line.combo[x] != null) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }

    /** The same packed line without its wrapped flag (the shared empty lines are never changed). */
    static byte[] unwrapped(byte[] data) {
        if ((data[0] & WRAPPED) == 0) {
            return data;
        }
        if (data == EMPTY_WRAPPED) {
            return EMPTY;
        }
        data[0] &= ~WRAPPED;
        return data;
    }

    /** The cells a packed line needs: its text or its cellused, whichever is longer. */
    int width(byte[] data) {
        pos = 1;
        int used = (data[0] & USED) != 0 ? readVarint(data) : 0;
        int n = (data[0] & PLAIN) != 0 ? data.length - pos : readVarint(data);
        return Math.max(used, n);
    }

    Line decode(byte[] data, int cols) {
        Line line = new Line(cols);
        line.wrapped = (data[0] & WRAPPED) != 0;
        pos = 1;
        int used = (data[0] & USED) != 0 ? readVarint(data) : -1;
        if ((data[0] & PLAIN) != 0) {
            int n = Math.min(cols, data.length - pos);
            for (int x = 0; x < n; x++) {
                line.cp[x] = data[pos + x];
            }
            line.used = Math.min(used >= 0 ? used : n, cols);
            line.dirty = n;
            return line;
        }
        line.plain = false;
        int n = readVarint(data);
        if ((data[0] & TEXT) != 0) {
            for (int x = 0; x < n; x++) {
                if (x < cols) {
                    line.cp[x] = data[pos];
                }
                pos++;
            }
        } else {
            cells(data, n, cols, line);
        }
        for (int x = 0; x < n; ) {
            int len = readVarint(data);
            long s = readStyle(data);
            Arrays.fill(line.st, Math.min(x, cols), Math.min(x + len, cols), s);
            x += len;
        }
        if ((data[0] & UNDERLINE_COLOURS) != 0) {
            for (int x = 0; x < n; x++) {
                int c = readVarint(data);
                if (x < cols) {
                    line.setUl(x, c);
                }
            }
        }
        line.used = Math.min(used >= 0 ? used : n, cols);
        line.dirty = Math.min(n, cols);
        return line;
    }

    private void cells(byte[] data, int n, int cols, Line line) {
        for (int x = 0; x < n; x++) {
            int v = readVarint(data);
            if (v == 1) {
                int len = readVarint(data);
                StringBuilder sb = new StringBuilder(len);
                for (int i = 0; i < len; i++) {
                    sb.append((char) readVarint(data));
                }
                if (x < cols) {
                    line.cp[x] = sb.codePointAt(0);
                    line.setCombo(x, sb.toString());
                }
            } else if (x < cols) {
                line.cp[x] = v == 0 ? Line.PAD : v - 2;
            }
        }
    }

    private void put(int b) {
        if (pos == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[pos++] = (byte) b;
    }

    private void varint(int v) {
        if (pos + 5 > buf.length) {
            ensure(5);
        }
        byte[] b = buf;
        int p = pos;
        while ((v & ~0x7F) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        pos = p;
    }

    private int readVarint(byte[] data) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = data[pos++];
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }
}
