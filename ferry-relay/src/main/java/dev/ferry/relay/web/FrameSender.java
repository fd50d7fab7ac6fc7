package dev.ferry.relay.web;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends frames on one WebSocket without blocking, refusing to queue more than {@code maxPending}
 * bytes in Jetty's flusher (a peer that stops reading cannot make the relay buffer without bound).
 */
final class FrameSender {
    private final Session ws;
    private final long maxPending;
    private final AtomicLong pending = new AtomicLong();

    FrameSender(Session ws, long maxPending) {
        this.ws = ws;
        this.maxPending = maxPending;
    }

    /** Queues a frame; false (frame dropped) when too much is already queued or the socket is closed. */
    boolean send(Message m) {
        var buf = Frames.encode(m);
        int size = buf.remaining();
        if (!ws.isOpen() || pending.addAndGet(size) > maxPending) {
            pending.addAndGet(-size);
            return false;
        }
        ws.sendBinary(buf, Callback.from(() -> pending.addAndGet(-size), t -> pending.addAndGet(-size)));
        return true;
    }

    /**
     * Ends the connection the protocol's way: a close frame with the one-line reason, then the
     * WebSocket close (whose reason must fit in 123 bytes, so it may be shortened there).
     */
    void close(int status, String reason) {
        send(new Message.Close(reason));
        ws.close(status, shorten(reason), Callback.NOOP);
    }

    private static String shorten(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 120 ? s : s.substring(0, Math.min(s.length(), 40)) + "...";
    }

    /** Sends a frame and waits until it is written (or the connection fails). */
    void sendAndWait(Message m) throws Exception {
        sendAndWait(Frames.encode(m));
    }

    /** Sends an encoded frame and waits until it is written (or the connection fails). */
    void sendAndWait(java.nio.ByteBuffer frame) throws Exception {
        Callback.Completable done = new Callback.Completable();
        ws.sendBinary(frame, done);
        done.get();
    }
}
