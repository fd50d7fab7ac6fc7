package dev.ferry.ftests;

import dev.ferry.protocol.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A peer on one real WebSocket (Jetty client) that records every binary frame it receives, decoded
 * as {@code M}, and how the connection closed. Subclasses say how a frame decodes ({@link WsPeer}
 * for the Ferry protocol, {@link AgentPeer} for the agent protocol).
 */
abstract class FramePeer<M> implements Session.Listener.AutoDemanding, AutoCloseable {
    private final WebSocketClient client = new WebSocketClient();
    private final List<M> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Session ws;
    private volatile String closeReason;

    /** One received binary message as a frame; throws for bytes that do not decode. */
    abstract M decode(ByteBuffer payload) throws ProtocolException;

    /** What an undecodable message is recorded as, so a test sees it among the frames. */
    abstract M undecodable(String why);

    /**
     * Connects; {@code deflate} offers permessage-deflate, {@code headers} go on the upgrade request
     * ({@code Sec-WebSocket-Protocol} as the subprotocols offered).
     */
    final void open(URI uri, int maxFrame, boolean deflate, Map<String, String> headers) throws Exception {
        client.setMaxBinaryMessageSize(maxFrame);
        client.start();
        ClientUpgradeRequest req = new ClientUpgradeRequest(uri);
        if (deflate) req.addExtensions("permessage-deflate");
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Sec-WebSocket-Protocol")) req.setSubProtocols(value);
            else req.setHeader(name, value);
        });
        ws = client.connect(this, req).get(10, TimeUnit.SECONDS);
    }

    /** Sends arbitrary bytes as one binary message (for malformed-frame tests). */
    public void sendRaw(byte[] frame) throws Exception {
        Callback.Completable done = new Callback.Completable();
        ws.sendBinary(ByteBuffer.wrap(frame), done);
        done.get(10, TimeUnit.SECONDS);
    }

    public List<M> received() {
        return received;
    }

    /** The first received frame of this type that matches, waiting for it. */
    public <T extends M> T await(Class<T> type, Predicate<T> p, Duration timeout) {
        Object[] found = new Object[1];
        Ferry.waitUntil(timeout, "a " + type.getSimpleName() + " frame (got " + received + ")", () -> {
            for (M m : received) {
                if (type.isInstance(m) && p.test(type.cast(m))) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return type.cast(found[0]);
    }

    /** Waits for the connection to close; returns the WebSocket close status (-1 for an error). */
    public int awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return ws.isOpen() && !closed.isDone();
    }

    public String closeReason() {
        return closeReason;
    }

    /** The extensions the server accepted in the handshake (e.g. permessage-deflate). */
    public List<String> negotiatedExtensions() {
        return ws.getUpgradeResponse().getExtensions().stream().map(e -> e.getName()).toList();
    }

    /** The subprotocol the server chose, or null. */
    public String acceptedSubProtocol() {
        return ws.getUpgradeResponse().getAcceptedSubProtocol();
    }

    /** The relay's answer, with parameters, e.g. "permessage-deflate;client_no_context_takeover". */
    public String negotiatedExtensionHeader() {
        return ws.getUpgradeResponse().getHeader("Sec-WebSocket-Extensions");
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            received.add(decode(payload));
        } catch (ProtocolException e) {
            received.add(undecodable("UNDECODABLE: " + e.getMessage()));
        }
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        closeReason = reason;
        closed.complete(statusCode);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
