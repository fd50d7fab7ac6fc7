package dev.ferry.terminal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The older part of {@link History} once it is compacted: lines as {@link LineCodec} packs them, up
 * to {@value #BLOCK_LINES} to a block, each block deflated on its own.
 *
 * <p>Why: an idle session's scrollback is most of its memory (2,000 lines of 80 columns are about
 * 210 KB as one array per line), and terminal text deflates several times smaller. Compacting costs a
 * few milliseconds, so it is done for sessions that went quiet, not on every scrolled line.
 *
 * <p>Reading a line inflates its block; the last block read stays inflated until {@link #dropCache},
 * so reading in order (a snapshot, a reflow) inflates each block once.
 */
final class ColdLines {
    static final int BLOCK_LINES = 128;

    private record Block(byte[] deflated, int rawLength, int count) {}

    private final List<Block> blocks = new ArrayList<>();
    private int lines;
    /** Lines already dropped from the front of the first block. */
    private int skip;
    private int cachedBlock = -1;
    private byte[][] cached;

    int lines() { return lines; }

    /** Line i, 0 the oldest kept. */
    byte[] get(int i) {
        int at = i + skip;
        for (int b = 0; b < blocks.size(); b++) {
            int count = blocks.get(b).count();
            if (at < count) return block(b)[at];
            at -= count;
        }
        throw new IndexOutOfBoundsException(i + " of " + lines);
    }

    /** Forgets the oldest line (the history is full and a new one came). */
    void dropOldest() {
        lines--;
        if (++skip == blocks.get(0).count()) {
            blocks.remove(0);
            skip = 0;
            cachedBlock = cachedBlock == 0 ? -1 : cachedBlock - 1;
            if (cachedBlock < 0) cached = null;
        }
    }

    /** Appends lines (oldest first), refilling the last block when it is not full. */
    void append(List<byte[]> newer) {
        if (newer.isEmpty()) return;
        List<byte[]> pending = new ArrayList<>();
        if (!blocks.isEmpty() && blocks.getLast().count() < BLOCK_LINES) {
            int last = blocks.size() - 1;
            byte[][] old = block(last);
            int from = last == 0 ? skip : 0;
            pending.addAll(Arrays.asList(old).subList(from, old.length));
            lines -= old.length - from;
            blocks.remove(last);
            if (last == 0) skip = 0;
        }
        pending.addAll(newer);
        dropCache();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            for (int from = 0; from < pending.size(); from += BLOCK_LINES) {
                List<byte[]> part = pending.subList(from, Math.min(pending.size(), from + BLOCK_LINES));
                blocks.add(deflate(deflater, part));
                lines += part.size();
            }
        } finally {
            deflater.end();
        }
    }

    /** Removes and returns every line, oldest first (to make them ordinary history again). */
    List<byte[]> takeAll() {
        List<byte[]> all = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            all.add(get(i));
        }
        clear();
        return all;
    }

    void clear() {
        blocks.clear();
        lines = 0;
        skip = 0;
        dropCache();
    }

    /** Lets go of the inflated block kept for reading in order. */
    void dropCache() {
        cachedBlock = -1;
        cached = null;
    }

    boolean hasCache() { return cached != null; }

    /** Approximate heap bytes held (arrays and the block records), for tests and reports. */
    long footprint() {
        long total = 16 + 4L * blocks.size();
        for (Block b : blocks) {
            total += 24 + 16 + ((b.deflated().length + 7) & ~7);
        }
        if (cached != null) {
            total += 16 + 4L * cached.length;
            for (byte[] line : cached) {
                total += 16 + ((line.length + 7) & ~7);
            }
        }
        return total;
    }

    private byte[][] block(int b) {
        if (b != cachedBlock) {
            cached = inflate(blocks.get(b));
            cachedBlock = b;
        }
        return cached;
    }

    /** Each line as a varint length and its bytes, all deflated. */
    private static Block deflate(Deflater deflater, List<byte[]> part) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(part.size() * 64);
        for (byte[] line : part) {
            for (int n = line.length; ; n >>>= 7) {
                if (n < 0x80) {
                    raw.write(n);
                    break;
                }
                raw.write((n & 0x7f) | 0x80);
            }
            raw.writeBytes(line);
        }
        byte[] input = raw.toByteArray();
        deflater.reset();
        deflater.setInput(input);
        deflater.finish();
        byte[] out = new byte[input.length / 2 + 64];
        int n = 0;
        while (!deflater.finished()) {
            if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
            n += deflater.deflate(out, n, out.length - n);
        }
        return new Block(Arrays.copyOf(out, n), input.length, part.size());
    }

    private static byte[][] inflate(Block b) {
        byte[] raw = new byte[b.rawLength()];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(b.deflated());
            int n = 0;
            while (n < raw.length) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput())) break;
                n += got;
            }
            if (n != raw.length) throw new IllegalStateException("a history block inflated to " + n + " of " + raw.length + " bytes");
        } catch (DataFormatException e) {
            throw new IllegalStateException("a history block does not inflate", e);   // we wrote it: a bug, not input
        } finally {
            inflater.end();
        }
        byte[][] out = new byte[b.count()][];
        int at = 0;
        for (int i = 0; i < out.length; i++) {
            int len = 0;
            for (int shift = 0; ; shift += 7) {
                int v = raw[at++];
                len |= (v & 0x7f) << shift;
                if ((v & 0x80) == 0) break;
            }
            out[i] = Arrays.copyOfRange(raw, at, at + len);
            at += len;
        }
        return out;
    }
}
