package dev.ferry.relay.web;

import dev.ferry.protocol.DeflatedFrames;
import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import dev.ferry.relay.auth.User;
import dev.ferry.relay.hub.Delivery;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.JoinRefusedException;
import dev.ferry.relay.hub.Participant;
import dev.ferry.relay.hub.Seat;
import dev.ferry.relay.hub.SharedEncoding;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.util.IteratingCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A browser or {@code ferry join} on {@code /ws/join/{token}}: a stream participant.
 *
 * <p>Its writer is a {@link Pump}: woken, it drains the seat and hands the frames to Jetty without
 * waiting, and drains again once the last one is written; one batch in flight at most, so a peer
 * that stops reading holds only its own seat (which overflows into a resync, as before). In a
 * session with few participants the wake itself writes, on the host link's thread (no hand-off to
 * another thread for a keystroke's echo); with more, the write is dispatched to a virtual thread so
 * that compressing each participant's copy is spread over the cores and never delays the host's read.
 */
public final class JoinLink implements Session.Listener.AutoDemanding, Participant {
    private static final Logger log = LoggerFactory.getLogger(JoinLink.class);
    /** Consecutive output deliveries are merged into frames of at most this size. */
    private static final int COALESCE = 64 * 1024;
    /** Up to this many participants in the session, a wake writes on the waking thread. */
    static final int INLINE_SEATS = 4;
    /**
     * From this many participants already in the session, one that reads deflated frames gets them
     * instead of permessage-deflate: each chunk of output is compressed once for all of them (with
     * per-connection compression, fan-out to 1,000 browsers spent 62 % of the relay's CPU
     * compressing copies of the same bytes). Below it, permessage-deflate's context across messages
     * compresses small echoes better and costs little; unless the host sends its output deflated
     * already, when deflated frames cost the relay no compression at all.
     */
    static final int SHARED_DEFLATE_SEATS = INLINE_SEATS;

    private final Hub hub;
    private final JoinIdentity identity;
    private final String token;
    private final String address;
    private final String transport;
    private final Seat.Style style;
    private final boolean deflatedFrames;
    private final Pump pump = new Pump();
    private Session ws;
    private FrameSender sender;
    private volatile Seat seat;
    private volatile boolean closed;

    JoinLink(Hub hub, String token, String address, JoinIdentity identity, String transport, Seat.Style style,
            boolean deflatedFrames) {
        this.identity = identity;
        this.deflatedFrames = deflatedFrames;
        this.style = style;
        this.hub = hub;
        this.token = token;
        this.address = address;
        this.transport = transport;
    }

    /** {@code ferry join} says {@code ?client=cli}; everything else counts as a browser. For notices and the audit log. */
    static String transport(String query) {
        return has(query, "client=cli") ? "cli" : "web";
    }

    /** The session page says {@code ?view=panes}: it can show a tmate host's panes one terminal each. */
    static Seat.Style style(String query) {
        return has(query, "view=panes") ? Seat.Style.PANES : Seat.Style.STREAM;
    }

    /**
     * Whether this participant gets deflated frames (and no permessage-deflate): it says it reads
     * them ({@code ?deflated=1}) and the session it joins already has {@link #SHARED_DEFLATE_SEATS},
     * or its host sends deflated output.
     */
    static boolean deflatedFrames(String query, int participants, boolean hostDeflates) {
        return has(query, "deflated=1") && (participants >= SHARED_DEFLATE_SEATS || hostDeflates);
    }

    private static boolean has(String query, String pair) {
        if (query == null) return false;
        for (String kv : query.split("&")) {
            if (kv.equals(pair)) return true;
        }
        return false;
    }

    @Override
    public void onWebSocketOpen(Session ws) {
        this.ws = ws;
        this.sender = new FrameSender(ws, 64 * 1024);
        if (identity.refusal() != null) {
            sender.close(StatusCode.POLICY_VIOLATION, identity.refusal());
            return;
        }
        Seat s;
        try {
            s = hub.join(token, this, style);
        } catch (JoinRefusedException e) {
            boolean keys = e.getMessage().equals(JoinRefusedException.KEY_REQUIRED) && identity.user() != null;
            sender.close(StatusCode.POLICY_VIOLATION, keys
                    ? "This session is restricted to listed SSH keys, and none of user " + identity.user() + "'s keys is listed"
                    : e.getMessage());
            return;
        }
        seat = s;
        sender.send(s.session().info(s.role()));  // queued first: Jetty writes frames in the order they are sent
        pump.iterate();
    }

    /** Drains the seat and writes one batch at a time; Jetty's IteratingCallback makes wakes during a write re-run it. */
    private final class Pump extends IteratingCallback {
        @Override
        protected Action process() {
            Seat s = seat;
            if (s == null) return Action.IDLE;
            if (closed) return Action.SUCCEEDED;
            List<Delivery> deliveries = s.drain();
            if (deliveries.isEmpty()) return Action.IDLE;
            List<ByteBuffer> frames = new ArrayList<>();
            String end = encode(deliveries, frames, deflatedFrames);
            if (end != null) {
                for (ByteBuffer f : frames) ws.sendBinary(f, Callback.NOOP);
                sender.close(StatusCode.NORMAL, end);
                return Action.SUCCEEDED;
            }
            for (int i = 0; i < frames.size() - 1; i++) ws.sendBinary(frames.get(i), Callback.NOOP);
            ws.sendBinary(frames.get(frames.size() - 1), Callback.from(this::succeeded, this::failed));
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            Seat s = seat;
            if (s != null) s.leave();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            log.debug("join writer for {} stopped: {}", address, cause.toString());
            ws.disconnect();
            Seat s = seat;
            if (s != null) s.leave();
        }
    }

    /**
     * Encodes deliveries in order into frames, merging runs of output (copied once, straight into the
     * frame: with a ByteArrayOutputStream it was three copies, the largest allocation source in
     * fan-out profiles); returns the end line once the session has ended, else null. A run never
     * exceeds the larger of COALESCE and one host frame. With {@code deflate}, output big enough to
     * compress goes as its own deflated frame, made once and shared by every seat it is queued for.
     */
    private static String encode(List<Delivery> deliveries, List<ByteBuffer> frames, boolean deflate) {
        List<byte[]> run = new ArrayList<>();
        int runBytes = 0;
        for (Delivery d : deliveries) {
            if (d instanceof Delivery.Output o) {
                byte[] shared = deflate ? shared(o.encoding(), new Message.Output(o.data())) : null;
                if ((shared != null || runBytes + o.data().length > COALESCE) && runBytes > 0) {
                    frames.add(Frames.encodeOutput(run));
                    run.clear();
                    runBytes = 0;
                }
                if (shared != null) {
                    frames.add(ByteBuffer.wrap(shared));
                } else {
                    run.add(o.data());
                    runBytes += o.data().length;
                }
                continue;
            }
            if (!run.isEmpty()) {
                frames.add(Frames.encodeOutput(run));
                run.clear();
                runBytes = 0;
            }
            switch (d) {
                case Delivery.Snapshot sn -> frames.add(compressed(new Message.Snapshot(sn.cols(), sn.rows(), sn.data()), deflate));
                case Delivery.Resize r -> frames.add(Frames.encode(new Message.Resize(r.cols(), r.rows())));
                case Delivery.Notice n -> frames.add(Frames.encode(new Message.Notice(n.text())));
                case Delivery.Ended e -> { return e.line(); }
                case Delivery.Layout l -> frames.add(Frames.encode(l.layout()));
                case Delivery.PaneOutput o -> {
                    Message.PaneOutput m = new Message.PaneOutput(o.pane(), o.data());
                    byte[] shared = deflate ? shared(o.encoding(), m) : null;
                    frames.add(shared != null ? ByteBuffer.wrap(shared) : Frames.encode(m));
                }
                case Delivery.PaneSnapshot sn -> frames.add(compressed(new Message.PaneSnapshot(sn.pane(), sn.cols(), sn.rows(), sn.data()), deflate));
                case Delivery.Changed c -> { }
                case Delivery.Output o -> throw new AssertionError();
            }
        }
        if (!run.isEmpty()) frames.add(Frames.encodeOutput(run));
        return null;
    }

    /** Live output as a deflated frame, made by the first seat that asks and shared; null when not worth it. */
    private static byte[] shared(SharedEncoding encoding, Message output) {
        return encoding.get(() -> DeflatedFrames.deflate(Frames.encode(output)));
    }

    /** A snapshot, this seat's own: deflated when asked and worth it. */
    private static ByteBuffer compressed(Message m, boolean deflate) {
        ByteBuffer frame = Frames.encode(m);
        byte[] z = deflate ? DeflatedFrames.deflate(frame) : null;
        return z != null ? ByteBuffer.wrap(z) : frame;
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
                case Message.SelectPane p -> s.selectPane(p.pane());
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
        pump.iterate();
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

    /** An account that may only watch (a viewer) is seated read-only whatever its link says. */
    @Override
    public String user() {
        return identity.user();
    }

    @Override
    public boolean mayWrite() {
        return identity.mayWrite();
    }

    @Override
    public java.util.Set<String> keyFingerprints() {
        return identity.keyFingerprints();
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void wake() {
        Seat s = seat;
        if (s == null) return;  // still joining: onWebSocketOpen starts the pump
        if (s.session().participantCount() <= INLINE_SEATS) {
            pump.iterate();
        } else {
            Thread.ofVirtual().name("ferry-join-writer").start(pump::iterate);
        }
    }

    @Override
    public void disconnect(String reason) {
        log.info("participant {} disconnected: {}", address, reason);
        closed = true;
        pump.iterate();
        ws.disconnect();
    }
}
