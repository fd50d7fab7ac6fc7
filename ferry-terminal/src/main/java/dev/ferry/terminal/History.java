package dev.ferry.terminal;

/** Scrollback: a bounded ring of lines packed by {@link LineCodec}; the oldest falls off first. */
final class History {
    private final LineCodec codec = new LineCodec();
    private byte[][] ring = new byte[0][];
    private int start;
    private int size;
    private int limit;

    History(int limit) {
        this.limit = limit;
    }

    int size() { return size; }

    int limit() { return limit; }

    void push(Line line) {
        if (limit == 0) {
            return;
        }
        byte[] packed = codec.encode(line);
        if (size == limit) {
            ring[start] = packed;
            start = (start + 1) % ring.length;
            return;
        }
        if (size == ring.length) {
            grow();
        }
        ring[(start + size) % ring.length] = packed;
        size++;
    }

    /** Line i, 0 being the oldest, unpacked to this width. */
    Line get(int i, int cols) {
        return codec.decode(ring[(start + i) % ring.length], cols);
    }

    /** Line i at least this wide, wider when it holds more (a reflow must not lose cells). */
    Line getNatural(int i, int minCols) {
        byte[] data = ring[(start + i) % ring.length];
        return codec.decode(data, Math.max(minCols, codec.width(data)));
    }

    /** Removes and returns the newest line (a resize pulling history back onto the screen). */
    Line pop(int cols) {
        int at = (start + size - 1) % ring.length;
        Line line = codec.decode(ring[at], cols);
        ring[at] = null;
        size--;
        return line;
    }

    void clear() {
        ring = new byte[0][];
        start = 0;
        size = 0;
    }

    private void grow() {
        int cap = (int) Math.min(limit, Math.max(64L, ring.length * 2L));
        byte[][] next = new byte[cap][];
        for (int i = 0; i < size; i++) {
            next[i] = ring[(start + i) % ring.length];
        }
        ring = next;
        start = 0;
    }

    /** Approximate heap bytes held (arrays only), for tests and reports. */
    long footprint() {
        long total = 16 + 4L * ring.length;
        for (byte[] b : ring) {
            if (b != null) {
                total += 16 + ((b.length + 7) & ~7);
            }
        }
        return total;
    }
}
