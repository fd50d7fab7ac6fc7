package dev.ferry.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The {@code deflated} frame: one whole frame compressed on its own (raw DEFLATE, no context from
 * earlier frames), so that a chunk of output is compressed once and the same bytes go to every
 * participant, instead of each WebSocket compressing its own copy. The relay makes them for its
 * participants; a host that negotiated it ({@link Frames#DEFLATED_OUTPUT_PROTOCOL}) sends its output
 * so, and the relay passes those bytes on as they came.
 */
public final class DeflatedFrames {
    /** Frames smaller than this are not worth compressing on their own. */
    public static final int MIN_BYTES = 128;
    private static final int POOLED = 8;
    // zlib's state is costly to set up: with a fresh Inflater per frame, the bench's 1,000 participants
    // could not decode a 1 MB/s stream (872 of 1,000 kept up; pooled, all do). A few pooled ones serve
    // every thread, since only as many work at once as there are cores.
    private static final ConcurrentLinkedQueue<Deflater> DEFLATERS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Deflater> FAST_DEFLATERS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Inflater> INFLATERS = new ConcurrentLinkedQueue<>();

    private DeflatedFrames() {}

    /**
     * The deflated frame carrying {@code frame} (an encoded output, snapshot, pane-output or
     * pane-snapshot frame), or null when compressing does not make it smaller. zlib's default level:
     * what the relay compresses once for many participants.
     */
    public static byte[] deflate(ByteBuffer frame) {
        return deflate(frame, DEFLATERS, Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * {@link #deflate} at level 1, a third of the time per byte for a slightly larger result: what a
     * host compresses everything its program writes with.
     */
    public static byte[] deflateFast(ByteBuffer frame) {
        return deflate(frame, FAST_DEFLATERS, Deflater.BEST_SPEED);
    }

    private static byte[] deflate(ByteBuffer frame, ConcurrentLinkedQueue<Deflater> pool, int level) {
        int size = frame.remaining();
        if (size < MIN_BYTES) return null;
        Deflater d = pool.poll();
        if (d == null) d = new Deflater(level, true);
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
            if (pool.size() < POOLED) pool.offer(d); else d.end();
        }
    }

    /** Whether {@code frame} (not consumed) is a deflated frame. */
    public static boolean isDeflated(ByteBuffer frame) {
        return frame.hasRemaining() && frame.get(frame.position()) == Frames.DEFLATED;
    }

    /**
     * The output a host's deflated frame (type byte included) carries: a host may deflate nothing
     * else. Bounded and checked like every deflated frame, so what the relay passes on is exactly
     * what it read.
     */
    public static Message.Output hostOutput(ByteBuffer frame) throws ProtocolException {
        if (!isDeflated(frame)) throw new ProtocolException("not a deflated frame");
        if (frame.remaining() > Frames.MAX_FRAME) {
            throw new ProtocolException("frame of " + frame.remaining() + " bytes exceeds the limit of " + Frames.MAX_FRAME);
        }
        ByteBuffer body = frame.slice(frame.position() + 1, frame.remaining() - 1);
        if (inflate(body) instanceof Message.Output o) return o;
        throw new ProtocolException("a host's deflated frame may carry only an output frame");
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
