package dev.ferry.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The {@code deflated} frame: one whole relay-to-participant frame compressed on its own (raw DEFLATE,
 * no context from earlier frames), so the relay compresses a chunk of output once and sends the
 * same bytes to every participant, instead of each WebSocket compressing its own copy.
 */
public final class DeflatedFrames {
    /** Frames smaller than this are not worth compressing on their own. */
    public static final int MIN_BYTES = 128;
    private static final int POOLED = 8;
    // zlib's state is costly to set up: with a fresh Inflater per frame, the bench's 1,000 participants
    // could not decode a 1 MB/s stream (872 of 1,000 kept up; pooled, all do). A few pooled ones serve
    // every thread, since only as many work at once as there are cores.
    private static final ConcurrentLinkedQueue<Deflater> DEFLATERS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Inflater> INFLATERS = new ConcurrentLinkedQueue<>();

    private DeflatedFrames() {}

    /**
     * The deflated frame carrying {@code frame} (an encoded output, snapshot, pane-output or
     * pane-snapshot frame), or null when compressing does not make it smaller.
     */
    public static byte[] deflate(ByteBuffer frame) {
        int size = frame.remaining();
        if (size < MIN_BYTES) return null;
        Deflater d = DEFLATERS.poll();
        if (d == null) d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(frame.duplicate());
            d.finish();
            byte[] out = new byte[size];   // not smaller than the frame itself: not worth it
            out[0] = Frames.DEFLATED;
            int n = 1;
            while (!d.finished() && n < out.length) {
                n += d.deflate(out, n, out.length - n);
            }
            if (!d.finished()) return null;
            return java.util.Arrays.copyOf(out, n);
        } finally {
            d.reset();
            if (DEFLATERS.size() < POOLED) DEFLATERS.offer(d); else d.end();
        }
    }

    /** Inflates a deflated frame's body (after the type byte) and decodes the frame inside. */
    static Message inflate(ByteBuffer body) throws ProtocolException {
        Inflater inflater = INFLATERS.poll();
        if (inflater == null) inflater = new Inflater(true);
        try {
            inflater.setInput(body);
            byte[] out = new byte[Math.min(Frames.MAX_FRAME, Math.max(256, body.remaining() * 4))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (out.length == Frames.MAX_FRAME) {
                        throw new ProtocolException("deflated frame inflates past the limit of " + Frames.MAX_FRAME + " bytes");
                    }
                    out = java.util.Arrays.copyOf(out, Math.min(Frames.MAX_FRAME, out.length * 2));
                }
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ProtocolException("deflated frame is truncated");
                }
                n += got;
            }
            if (inflater.getRemaining() > 0) {
                throw new ProtocolException("deflated frame has " + inflater.getRemaining() + " trailing bytes");
            }
            if (n == 0) throw new ProtocolException("deflated frame is empty");
            int type = out[0];
            if (type != Frames.OUTPUT && type != Frames.SNAPSHOT && type != Frames.PANE_OUTPUT && type != Frames.PANE_SNAPSHOT) {
                throw new ProtocolException("a deflated frame may not carry a frame of type " + (type & 0xff));
            }
            return Frames.decode(ByteBuffer.wrap(out, 0, n));
        } catch (DataFormatException e) {
            throw new ProtocolException("deflated frame is not valid DEFLATE data");
        } finally {
            inflater.reset();
            if (INFLATERS.size() < POOLED) INFLATERS.offer(inflater); else inflater.end();
        }
    }
}
