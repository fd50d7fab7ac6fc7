package dev.ferry.ftests;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A Ferry protocol peer over a real WebSocket (Jetty client, permessage-deflate offered): a
 * participant on {@code /ws/join/TOKEN} or a host on {@code /ws/host}. Records every frame received.
 */
public final class WsPeer implements Session.Listener.AutoDemanding, AutoCloseable {
    private final WebSocketClient client = new WebSocketClient();
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Session ws;
    private volatile String closeReason;

    private WsPeer() {}

    public static WsPeer connect(URI uri) throws Exception {
        return connect(uri, java.util.Map.of());
    }

    /** With extra upgrade request headers (a login {@code Cookie}, an {@code Authorization}). */
    public static WsPeer connect(URI uri, java.util.Map<String, String> headers) throws Exception {
        WsPeer p = new WsPeer();
        p.client.setMaxBinaryMessageSize(Frames.MAX_FRAME);
        p.client.start();
        ClientUpgradeRequest req = new ClientUpgradeRequest(uri);
        req.addExtensions("permessage-deflate");
        headers.forEach(req::setHeader);
        p.ws = p.client.connect(p, req).get(10, TimeUnit.SECONDS);
        return p;
    }

    public void send(Message m) throws Exception {
        sendRaw(Frames.encodeToArray(m));
    }

    /** Sends arbitrary bytes as one binary message (for malformed-frame tests). */
    public void sendRaw(byte[] frame) throws Exception {
        Callback.Completable done = new Callback.Completable();
        ws.sendBinary(ByteBuffer.wrap(frame), done);
        done.get(10, TimeUnit.SECONDS);
    }

    public List<Message> received() {
        return received;
    }

    /** The first received frame of this type, waiting for it. */
    public <T extends Message> T await(Class<T> type, Duration timeout) {
        Object[] found = new Object[1];
        Ferry.waitUntil(timeout, "a " + type.getSimpleName() + " frame (got " + received + ")", () -> {
            for (Message m : received) {
                if (type.isInstance(m)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return type.cast(found[0]);
    }

    /** Everything the terminal was sent: snapshots' and outputs' bytes, in order, as text. */
    public String terminalText() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Message m : received) {
            if (m instanceof Message.Snapshot s) all.writeBytes(s.data());
            if (m instanceof Message.Output o) all.writeBytes(o.data());
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    public void awaitText(String text, Duration timeout) {
        Ferry.waitUntil(timeout, "'" + text + "' in the stream (got: " + terminalText() + ")", () -> terminalText().contains(text));
    }

    /** Waits for the connection to close; returns the WebSocket close status. */
    public int awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return ws.isOpen() && !closed.isDone();
    }

    /** The extensions the server accepted in the handshake (e.g. permessage-deflate). */
    public List<String> negotiatedExtensions() {
        return ws.getUpgradeResponse().getExtensions().stream().map(e -> e.getName()).toList();
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            received.add(Frames.decode(payload));
        } catch (ProtocolException e) {
            received.add(new Message.Notice("UNDECODABLE: " + e.getMessage()));
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
