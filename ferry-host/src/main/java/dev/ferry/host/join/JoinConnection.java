package dev.ferry.host.join;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The participant's WebSocket ({@code /ws/join/{token}}): frames in go to {@code onMessage} in order,
 * the end (a close frame's reason, or what broke) to {@code onEnd} once. Public because Jetty calls it.
 */
public final class JoinConnection implements Session.Listener.AutoDemanding {
    private final Consumer<Message> onMessage;
    private final Consumer<String> onEnd;
    private volatile Session ws;
    private volatile boolean ended;
    private volatile boolean closeFrame;

    JoinConnection(Consumer<Message> onMessage, Consumer<String> onEnd) {
        this.onMessage = onMessage;
        this.onEnd = onEnd;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        ws = session;
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        Message m;
        try {
            m = Frames.decodeFromRelay(payload);
        } catch (ProtocolException e) {
            callback.succeed();
            close(StatusCode.PROTOCOL, "protocol error");
            end("protocol error from the relay: " + e.getMessage());
            return;
        }
        callback.succeed();
        if (m instanceof Message.Ping p) {
            send(new Message.Pong(p.value()));
        } else if (m instanceof Message.Close c) {
            closeFrame = true;
            end(c.reason());
        } else if (!ended) {
            onMessage.accept(m);
        }
    }

    @Override
    public void onWebSocketText(String message) {
        close(StatusCode.BAD_DATA, "protocol error");
        end("protocol error from the relay: text frame");
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        end(reason == null || reason.isEmpty() ? "the relay closed the connection" : "the relay closed the connection: " + reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        end("connection to the relay failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
    }

    /** True when the relay said why it ended (a close frame), not just dropped the connection. */
    boolean closedByRelay() {
        return closeFrame;
    }

    private void end(String reason) {
        if (ended) return;
        ended = true;
        onEnd.accept(reason);
    }

    /** Queues a frame; a dead connection drops it (the end is reported separately). */
    void send(Message m) {
        Session s = ws;
        if (s != null && s.isOpen()) s.sendBinary(Frames.encode(m), Callback.NOOP);
    }

    void close(int status, String reason) {
        Session s = ws;
        if (s != null && s.isOpen()) s.close(status, reason, Callback.NOOP);
    }
}
