package dev.ferry.ftests;

import dev.ferry.protocol.AgentFrames;
import dev.ferry.protocol.AgentMessage;
import dev.ferry.protocol.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A hand-driven agent on {@code /ws/agent} (for bad-input tests): sends raw bytes, records decoded frames. */
public final class AgentPeer implements Session.Listener.AutoDemanding, AutoCloseable {
    private final WebSocketClient client = new WebSocketClient();
    private final List<AgentMessage> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Session ws;
    private volatile String closeReason;

    public static AgentPeer connect(URI uri) throws Exception {
        AgentPeer p = new AgentPeer();
        p.client.setMaxBinaryMessageSize(8 << 20);
        p.client.start();
        p.ws = p.client.connect(p, new ClientUpgradeRequest(uri)).get(10, TimeUnit.SECONDS);
        return p;
    }

    public void send(AgentMessage m) throws Exception {
        ByteBuffer b = AgentFrames.encode(m);
        byte[] a = new byte[b.remaining()];
        b.get(a);
        sendRaw(a);
    }

    public void sendRaw(byte[] frame) throws Exception {
        Callback.Completable done = new Callback.Completable();
        ws.sendBinary(ByteBuffer.wrap(frame), done);
        done.get(10, TimeUnit.SECONDS);
    }

    /** The first received frame matching, waiting for it. */
    public <T extends AgentMessage> T await(Class<T> type, java.util.function.Predicate<T> p, Duration timeout) {
        Object[] found = new Object[1];
        Ferry.waitUntil(timeout, "a " + type.getSimpleName() + " frame (got " + received + ")", () -> {
            for (AgentMessage m : received) {
                if (type.isInstance(m) && p.test(type.cast(m))) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return type.cast(found[0]);
    }

    public List<AgentMessage> received() {
        return received;
    }

    public int awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            received.add(AgentFrames.decode(payload));
        } catch (ProtocolException e) {
            received.add(new AgentMessage.Error("UNDECODABLE: " + e.getMessage()));
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
