package dev.ferry.host.agent;

import dev.ferry.protocol.AgentFrames;
import dev.ferry.protocol.AgentMessage;
import dev.ferry.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One connection of the agent to the relay's {@code /ws/agent}. Frames go to the agent in order;
 * {@link #closed} completes once with the reason (the relay's error text when it refused us). Public only
 * because Jetty invokes listeners reflectively.
 */
public final class AgentLink implements Session.Listener.AutoDemanding {
    final CompletableFuture<AgentMessage.Welcome> welcome = new CompletableFuture<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final BiConsumer<AgentLink, AgentMessage> handler;
    private volatile Session ws;
    private volatile String lastError;
    private volatile int closeStatus;

    AgentLink(BiConsumer<AgentLink, AgentMessage> handler) {
        this.handler = handler;
    }

    @Override
    public void onWebSocketOpen(Session ws) {
        this.ws = ws;
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        AgentMessage m;
        try {
            m = AgentFrames.decode(payload);   // copies what it keeps: the buffer is Jetty's again once the callback succeeds
        } catch (ProtocolException e) {
            callback.succeed();
            sendQuietly(new AgentMessage.Error("protocol error: " + e.getMessage()));
            return;
        }
        callback.succeed();
        switch (m) {
            case AgentMessage.Welcome w -> welcome.complete(w);
            case AgentMessage.Error e -> {
                lastError = e.text();
                if (!welcome.isDone()) return;   // the refusal's reason; the close follows
                handler.accept(this, m);
            }
            default -> {
                try {
                    handler.accept(this, m);
                } catch (RuntimeException e) {
                    sendQuietly(new AgentMessage.Error("the agent could not handle that frame: " + e));
                }
            }
        }
    }

    @Override
    public void onWebSocketText(String text) {
        sendQuietly(new AgentMessage.Error("protocol error: text frames are not part of the protocol"));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        closeStatus = statusCode;
        String why = lastError != null ? lastError : reason == null || reason.isEmpty() ? "the relay closed the connection" : reason;
        closed.complete(why);   // first: whoever waits on the welcome reads the reason from here
        welcome.completeExceptionally(new java.io.IOException(why));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null) root = root.getCause();
        String m = root.getMessage();
        String why = "connection to the relay failed: " + (root instanceof java.nio.channels.ClosedChannelException ? "the connection closed"
                : m == null || m.contains("EndPoint@") ? root.getClass().getSimpleName() : m);
        closed.complete(why);   // first: whoever waits on the welcome reads the reason from here
        welcome.completeExceptionally(new java.io.IOException(why));
    }

    /** True when the relay refused this device for good (bad or revoked token), not a network problem. */
    boolean refused() {
        return closeStatus == StatusCode.POLICY_VIOLATION && lastError != null && !lastError.startsWith("replaced");
    }

    boolean isOpen() {
        Session s = ws;
        return s != null && s.isOpen() && !closed.isDone();
    }

    /** Sends and waits until written (backpressure for the shells' output); false when the link is down. */
    boolean send(AgentMessage m) {
        Session s = ws;
        if (s == null || !s.isOpen()) return false;
        Callback.Completable done = new Callback.Completable();
        s.sendBinary(AgentFrames.encode(m), done);
        try {
            done.get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    void sendQuietly(AgentMessage m) {
        Session s = ws;
        if (s != null && s.isOpen()) s.sendBinary(AgentFrames.encode(m), Callback.NOOP);
    }

    /** A relay silent this long (no frame, not even its heartbeat ping) is gone: the link closes. */
    void idleTimeout(java.time.Duration d) {
        Session s = ws;
        if (s != null) s.setIdleTimeout(d);
    }

    void close(String reason) {
        Session s = ws;
        if (s != null && s.isOpen()) s.close(StatusCode.NORMAL, reason, Callback.NOOP);
    }
}
