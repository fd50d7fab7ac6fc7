package dev.ferry.bench.load;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A participant on {@code /ws/join/{token}}, like the browser page: output goes to its sink. */
public final class WebParticipant implements Session.Listener.AutoDemanding, Term {
    private final Consumer<byte[]> sink;
    private volatile Session ws;
    private java.util.concurrent.ScheduledFuture<?> pinger;
    final AtomicInteger snapshots = new AtomicInteger();
    volatile String closedReason;

    private WebParticipant(Consumer<byte[]> sink) {
        this.sink = sink;
    }

    static WebParticipant join(WebSocketClient client, int port, String token, boolean deflate, Consumer<byte[]> sink)
            throws Exception {
        WebParticipant p = new WebParticipant(sink);
        // Like the browser page: permessage-deflate offered, and deflated frames read (the relay picks one).
        ClientUpgradeRequest req = new ClientUpgradeRequest(URI.create("ws://127.0.0.1:" + port + "/ws/join/" + token
                + (deflate && Ctx.DEFLATED_FRAMES ? "?deflated=1" : "")));
        if (deflate) req.addExtensions("permessage-deflate");
        p.ws = client.connect(p, req).get(30, TimeUnit.SECONDS);
        p.pinger = Pinger.every30s(p.ws);
        return p;
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            switch (Frames.decodeFromRelay(payload)) {
                case Message.Output o -> sink.accept(o.data());
                case Message.Snapshot s -> snapshots.incrementAndGet();
                case Message.Close c -> closedReason = c.reason();
                default -> { }
            }
        } catch (ProtocolException e) {
            closedReason = e.getMessage();
        }
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        if (closedReason == null) closedReason = "closed " + statusCode + " " + reason;
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // e.g. closed by the harness while the relay still sends (the end of a fan-out phase); a measurement notices a short delivery by itself
        if (closedReason == null) closedReason = "error: " + cause;
    }

    @Override
    public void send(byte[] data) throws IOException {
        ws.sendBinary(Frames.encode(new Message.Input(data)), Callback.NOOP);
    }

    @Override
    public void close() {
        if (pinger != null) pinger.cancel(false);
        Session s = ws;
        if (s != null) s.close();
    }
}
