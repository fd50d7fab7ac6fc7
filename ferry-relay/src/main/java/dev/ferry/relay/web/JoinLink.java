package dev.ferry.relay.web;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import dev.ferry.relay.hub.Delivery;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.JoinRefusedException;
import dev.ferry.relay.hub.Participant;
import dev.ferry.relay.hub.Seat;
import dev.ferry.relay.hub.Wakeup;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A browser or {@code ferry join} on {@code /ws/join/{token}}: a stream participant. Its own
 * virtual thread drains the seat and writes, so a peer that stops reading blocks only that thread.
 */
public final class JoinLink implements Session.Listener.AutoDemanding, Participant {
    private static final Logger log = LoggerFactory.getLogger(JoinLink.class);
    /** Consecutive output deliveries are merged into frames of at most this size. */
    private static final int COALESCE = 64 * 1024;

    private final Hub hub;
    private final java.util.Set<String> keyFingerprints;
    private final boolean mayWrite;   // false for a logged-in viewer
    private final String token;
    private final String address;
    private final String transport;
    private final Wakeup wakeup = new Wakeup();
    private Session ws;
    private FrameSender sender;
    private volatile Seat seat;
    private volatile boolean closed;

    JoinLink(Hub hub, String token, String address, java.util.Set<String> keyFingerprints, boolean mayWrite, String transport) {
        this.keyFingerprints = keyFingerprints;
        this.mayWrite = mayWrite;
        this.hub = hub;
        this.token = token;
        this.address = address;
        this.transport = transport;
    }

    /** {@code ferry join} says {@code ?client=cli}; everything else counts as a browser. For notices and the audit log. */
    static String transport(String query) {
        if (query == null) return "web";
        for (String kv : query.split("&")) {
            if (kv.equals("client=cli")) return "cli";
        }
        return "web";
    }

    @Override
    public void onWebSocketOpen(Session ws) {
        this.ws = ws;
        this.sender = new FrameSender(ws, 64 * 1024);
        try {
            seat = hub.join(token, this, Seat.Style.STREAM);
        } catch (JoinRefusedException e) {
            sender.close(StatusCode.POLICY_VIOLATION, e.getMessage());
            return;
        }
        Thread.ofVirtual().name("ferry-join-writer").start(this::writeLoop);
    }

    private void writeLoop() {
        Seat s = seat;
        try {
            sender.sendAndWait(s.session().info(s.role()));
            while (!closed) {
                wakeup.await(30, TimeUnit.SECONDS);
                if (write(s.drain())) return;
            }
        } catch (Exception e) {
            log.debug("join writer for {} stopped: {}", address, e.toString());
            ws.disconnect();
        } finally {
            s.leave();
        }
    }

    /** Writes deliveries in order, merging runs of output; true once the session has ended. */
    private boolean write(List<Delivery> deliveries) throws Exception {
        List<byte[]> run = new ArrayList<>();
        int runBytes = 0;
        for (Delivery d : deliveries) {
            if (d instanceof Delivery.Output o) {
                if (runBytes + o.data().length > COALESCE && runBytes > 0) {
                    flush(run);
                    runBytes = 0;
                }
                run.add(o.data());
                runBytes += o.data().length;
                continue;
            }
            flush(run);
            switch (d) {
                case Delivery.Snapshot sn -> sender.sendAndWait(new Message.Snapshot(sn.cols(), sn.rows(), sn.data()));
                case Delivery.Resize r -> sender.sendAndWait(new Message.Resize(r.cols(), r.rows()));
                case Delivery.Notice n -> sender.sendAndWait(new Message.Notice(n.text()));
                case Delivery.Ended e -> {
                    sender.close(StatusCode.NORMAL, e.line());
                    return true;
                }
                case Delivery.Changed c -> { }
                case Delivery.Output o -> throw new AssertionError();
            }
        }
        flush(run);
        return false;
    }

    /**
     * Sends the merged run as one frame: it never exceeds the larger of COALESCE and one host frame.
     * The parts are copied once, straight into the frame (this runs per participant: with a
     * ByteArrayOutputStream it was three copies, the largest allocation source in fan-out profiles).
     */
    private void flush(List<byte[]> run) throws Exception {
        if (run.isEmpty()) return;
        sender.sendAndWait(Frames.encodeOutput(run));
        run.clear();
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        Seat s = seat;
        try {
            Message m = Frames.decode(payload);
            callback.succeed();
            if (s == null) return;
            switch (m) {
                case Message.Input i -> s.input(i.data());
                case Message.Resize r -> s.resize(r.cols(), r.rows());
                case Message.Ping p -> sender.send(new Message.Pong(p.value()));
                case Message.Pong p -> { }
                default -> throw new ProtocolException("unexpected " + m.getClass().getSimpleName().toLowerCase()
                        + " frame from a participant");
            }
        } catch (ProtocolException e) {
            callback.succeed();
            String msg = "protocol error: " + e.getMessage();
            sender.close(StatusCode.PROTOCOL, msg);
        }
    }

    @Override
    public void onWebSocketText(String text) {
        sender.close(StatusCode.BAD_DATA, "protocol error: text frames are not part of the protocol");
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        closed = true;
        wakeup.wake();
        Seat s = seat;
        if (s != null) s.leave();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        log.debug("participant {}: {}", address, cause.toString());
    }

    // ---- Participant ----

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public boolean mayWrite() {
        return mayWrite;
    }

    @Override
    public java.util.Set<String> keyFingerprints() {
        return keyFingerprints;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void wake() {
        wakeup.wake();
    }

    @Override
    public void disconnect(String reason) {
        log.info("participant {} disconnected: {}", address, reason);
        closed = true;
        wakeup.wake();
        ws.disconnect();
    }
}
