package dev.ferry.terminal;

import java.util.Arrays;

/**
 * Packs a line into one compact byte array for history: trailing blanks trimmed, plain ASCII as
 * bytes, anything else as varint cells plus style runs. One array per line and no wrapper object
 * keeps 2,000 lines of 80 columns near 200 KB.
 */
final class LineCodec {
    private static final int WRAPPED = 1, PLAIN = 2, USED = 4, TEXT = 8;
    private static final byte[] EMPTY = {PLAIN};
    private static final byte[] EMPTY_WRAPPED = {PLAIN | WRAPPED};

    private byte[] buf = new byte[256];
    private int pos;

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
        boolean ascii = line.combo == null || noCombos(line, n);
        int runs = n == 0 ? 0 : 1;
        for (int x = 0; x < n; x++) {
            int c = cp[x];
            if (c < 0x20 || c > 0x7e) {
                ascii = false;
            }
            if (x > 0 && st[x] != st[x - 1]) {
                runs++;
            }
        }
        boolean plainStyle = runs == 0 || (runs == 1 && st[0] == Style.DEFAULT);
        if (ascii && plainStyle && !usedExtra) {
            byte[] out = new byte[n + 1];
            out[0] = (byte) (flags | PLAIN);
            for (int x = 0; x < n; x++) {
                out[x + 1] = (byte) cp[x];
            }
            return out;
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
        put(flags | (usedExtra ? USED : 0) | (ascii ? TEXT : 0));
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
        varint(runs);
        ensure(runs * 13);
        for (int x = 0; x < n; ) {
            int end = x + 1;
            while (end < n && st[end] == st[x]) {
                end++;
            }
            varint(end - x);
            long v = st[x];
            for (int i = 0; i < 8; i++) {
                buf[pos++] = (byte) (v >>> (i * 8));
            }
            x = end;
        }
        return Arrays.copyOf(buf, pos);
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
            return line;
        }
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
        int runs = readVarint(data);
        for (int r = 0, x = 0; r < runs; r++) {
            int len = readVarint(data);
            long s = 0;
            for (int i = 0; i < 8; i++) {
                s |= (data[pos++] & 0xFFL) << (i * 8);
            }
            Arrays.fill(line.st, Math.min(x, cols), Math.min(x + len, cols), s);
            x += len;
        }
        line.used = Math.min(used >= 0 ? used : n, cols);
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
        while ((v & ~0x7F) != 0) {
            put((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        put(v);
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
