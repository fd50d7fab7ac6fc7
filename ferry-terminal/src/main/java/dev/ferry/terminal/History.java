package dev.ferry.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * Scrollback: a bounded ring of lines packed by {@link LineCodec}; the oldest falls off first. After
 * {@link #compact()} the lines so far are kept deflated ({@link ColdLines}) in front of the ring, and
 * new lines go to the ring again.
 */
final class History {
    private final LineCodec codec = new LineCodec();
    private final ColdLines cold = new ColdLines();
    private byte[][] ring = new byte[0][];
    private int start;
    /** Lines in the ring; the history holds these after the cold ones. */
    private int size;
    private int limit;

    History(int limit) {
        this.limit = limit;
    }

    int size() { return cold.lines() + size; }

    int limit() { return limit; }

    void push(Line line) {
        if (limit == 0) {
            return;
        }
        byte[] packed = codec.encode(line);
        if (cold.lines() > 0 && size() == limit) {
            cold.dropOldest();
        } else if (size == limit) {
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
        return codec.decode(packed(i), cols);
    }

    /** Line i at least this wide, wider when it holds more (a reflow must not lose cells). */
    Line getNatural(int i, int minCols) {
        byte[] data = packed(i);
        return codec.decode(data, Math.max(minCols, codec.width(data)));
    }

    private byte[] packed(int i) {
        int coldLines = cold.lines();
        return i < coldLines ? cold.get(i) : ring[(start + i - coldLines) % ring.length];
    }

    /** The newest line stops being wrapped (a clear or move at the top of the screen below it). */
    void unwrapNewest() {
        thawIfRingEmpty();
        if (size == 0) {
            return;
        }
        int at = (start + size - 1) % ring.length;
        ring[at] = LineCodec.unwrapped(ring[at]);
    }

    /** Removes and returns the newest line (a resize pulling history back onto the screen). */
    Line pop(int cols) {
        thawIfRingEmpty();
        int at = (start + size - 1) % ring.length;
        Line line = codec.decode(ring[at], cols);
        ring[at] = null;
        size--;
        return line;
    }

    void clear() {
        cold.clear();
        ring = new byte[0][];
        start = 0;
        size = 0;
    }

    /**
     * Deflates the lines so far into blocks (a quiet session's scrollback shrinks several times); new
     * lines go to the ring as before. Also lets go of any block inflated for reading. Cheap when there
     * is nothing to do.
     */
    void compact() {
        cold.dropCache();
        if (size == 0) return;
        List<byte[]> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lines.add(ring[(start + i) % ring.length]);
        }
        cold.append(lines);
        ring = new byte[0][];
        start = 0;
        size = 0;
    }

    /** Whether {@link #compact()} would change anything. */
    boolean compacted() {
        return size == 0 && !cold.hasCache();
    }

    /** Changes to the newest line need it in the ring: brings the cold lines back (rare: resizes, clears). */
    private void thawIfRingEmpty() {
        if (size > 0 || cold.lines() == 0) return;
        List<byte[]> lines = cold.takeAll();
        ring = new byte[Math.max(lines.size(), Math.min(limit, 64))][];
        for (int i = 0; i < lines.size(); i++) {
            ring[i] = lines.get(i);
        }
        start = 0;
        size = lines.size();
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
        long total = 16 + 4L * ring.length + cold.footprint();
        for (byte[] b : ring) {
            if (b != null) {
                total += 16 + ((b.length + 7) & ~7);
            }
        }
        return total;
    }
}
