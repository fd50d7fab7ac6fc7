package dev.ferry.terminal;

import java.util.Arrays;

/**
 * Packs a line into one compact byte array for history: trailing blanks trimmed, plain ASCII as
 * bytes, anything else as varint cells plus style runs. One array per line and no wrapper object
 * keeps 2,000 lines of 80 columns near 200 KB.
 */
final class LineCodec {
    private static final int WRAPPED = 1, PLAIN = 2, USED = 4;
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
        pos = 0;
        if (isPlain(line, n)) {
            put(flags | PLAIN | (usedExtra ? USED : 0));
            if (usedExtra) {
                varint(line.used);
            }
            for (int x = 0; x < n; x++) {
                put(line.cp[x]);
            }
            return Arrays.copyOf(buf, pos);
        }
        put(flags | (usedExtra ? USED : 0));
        if (usedExtra) {
            varint(line.used);
        }
        varint(n);
        for (int x = 0; x < n; x++) {
            String c = line.combo(x);
            if (c != null) {
                varint(1);
                varint(c.length());
                for (int i = 0; i < c.length(); i++) {
                    varint(c.charAt(i));
                }
            } else {
                varint(line.cp[x] == Line.PAD ? 0 : line.cp[x] + 2);
            }
        }
        int runs = 0;
        for (int x = 0; x < n; x++) {
            if (x == 0 || line.st[x] != line.st[x - 1]) {
                runs++;
            }
        }
        varint(runs);
        for (int x = 0; x < n; ) {
            int end = x + 1;
            while (end < n && line.st[end] == line.st[x]) {
                end++;
            }
            varint(end - x);
            long s = line.st[x];
            for (int i = 0; i < 8; i++) {
                put((int) (s >>> (i * 8)));
            }
            x = end;
        }
        return Arrays.copyOf(buf, pos);
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

    private static boolean isPlain(Line line, int n) {
        if (line.combo != null) {
            for (int x = 0; x < n; x++) {
                if (line.combo[x] != null) {
                    return false;
                }
            }
        }
        for (int x = 0; x < n; x++) {
            int c = line.cp[x];
            if (c < 0x20 || c > 0x7e || line.st[x] != Style.DEFAULT) {
                return false;
            }
        }
        return true;
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
