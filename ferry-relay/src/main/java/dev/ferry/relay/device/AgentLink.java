package dev.ferry.relay.device;

import dev.ferry.protocol.AgentFrames;
import dev.ferry.protocol.AgentMessage;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's WebSocket on {@code /ws/agent}: its hello (the device token), then shells multiplexed
 * by id. Malformed or unknown frames get an {@code error} frame and the link stays up; a frame
 * before the hello, a bad token or an oversized frame closes it. Public only because Jetty invokes
 * listeners reflectively.
 */
public final class AgentLink implements Session.Listener.AutoDemanding {
    private static final Logger log = LoggerFactory.getLogger(AgentLink.class);
    private static final long MAX_PENDING = 8L << 20;

    private final Devices devices;
    private final String address;
    private final AtomicLong pending = new AtomicLong();
    private Session ws;
    private volatile String device;   // set once the hello is accepted
    private volatile AgentMessage.Limits limits = AgentMessage.Limits.DEFAULT;
    private volatile boolean closed;

    AgentLink(Devices devices, String address) {
        this.devices = devices;
        this.address = address;
    }

    String device() { return device; }

    String address() { return address; }

    AgentMessage.Limits limits() { return limits; }

    @Override
    public void onWebSocketOpen(Session ws) {
        this.ws = ws;
        ws.setIdleTimeout(Duration.ofSeconds(devices.heartbeatSeconds() * 3L));
        ws.setMaxBinaryMessageSize(AgentFrames.MAX_FRAME);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        AgentMessage m;
        try {
            m = AgentFrames.decode(payload);   // copies what it keeps: the buffer is Jetty's again once the callback succeeds
        } catch (ProtocolException e) {
            callback.succeed();
            if (device == null) {
                close(StatusCode.PROTOCOL, "protocol error: " + e.getMessage());
            } else {
                send(new AgentMessage.Error("protocol error: " + e.getMessage()));
            }
            return;
        }
        callback.succeed();
        try {
            handle(m);
        } catch (RuntimeException e) {
            log.warn("agent link {} ({}): {}", device, address, e.toString());
            send(new AgentMessage.Error("the relay could not handle that frame"));
        }
    }

    @Override
    public void onWebSocketText(String text) {
        if (device == null) {
            close(StatusCode.BAD_DATA, "protocol error: text frames are not part of the protocol");
        } else {
            send(new AgentMessage.Error("protocol error: text frames are not part of the protocol"));
        }
    }

    private void handle(AgentMessage m) {
        String d = device;
        if (d == null) {
            if (m instanceof AgentMessage.Hello h) {
                hello(h);
            } else {
                close(StatusCode.PROTOCOL, "protocol error: the first frame must be a hello");
            }
            return;
        }
        switch (m) {
            case AgentMessage.Ping p -> {
                send(new AgentMessage.Pong(p.value()));
                devices.seen(this);
            }
            case AgentMessage.Pong p -> devices.seen(this);
            case AgentMessage.Opened o -> devices.opened(this, o);
            case AgentMessage.End e -> devices.endedByAgent(this, e.shell(), printable(e.reason()));
            case AgentMessage.Data data -> {
                DeviceShell s = devices.shell(this, data.shell());
                if (s == null) {
                    send(new AgentMessage.Error("unknown shell " + data.shell()));
                    return;
                }
                switch (data.message()) {
                    case Message.Output o -> s.output(o.data());
                    case Message.Resize r -> {
                        var session = s.session();
                        if (session != null) session.resize(r.cols(), r.rows());
                    }
                    default -> send(new AgentMessage.Error("unexpected " + data.message().getClass().getSimpleName().toLowerCase()
                            + " frame in a shell's data"));
                }
            }
            case AgentMessage.Error e -> log.info("agent {} reports: {}", d, printable(e.text()));
            default -> send(new AgentMessage.Error("unexpected " + m.getClass().getSimpleName().toLowerCase() + " frame from an agent"));
        }
    }

    private void hello(AgentMessage.Hello h) {
        if (h.version() != AgentFrames.VERSION) {
            close(StatusCode.POLICY_VIOLATION, "unsupported agent protocol version " + h.version() + " (this relay speaks " + AgentFrames.VERSION + ")");
            return;
        }
        String refusal = devices.admit(this, h);
        if (refusal != null) {
            log.info("agent from {} refused: {}", address, refusal);
            close(StatusCode.POLICY_VIOLATION, refusal);
        }
    }

    /** Called by the registry when the hello is accepted. */
    void accepted(String name, AgentMessage.Limits l) {
        this.limits = l;
        this.device = name;
        send(new AgentMessage.Welcome(name, devices.heartbeatSeconds()));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        closed = true;
        if (device != null) devices.gone(this, reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        log.debug("agent link {}: {}", address, cause.toString());
    }

    /** Queues a frame without blocking; false when the link is closed or too far behind (the frame is dropped). */
    boolean send(AgentMessage m) {
        Session s = ws;
        if (s == null || closed || !s.isOpen()) return false;
        ByteBuffer buf = AgentFrames.encode(m);
        int size = buf.remaining();
        if (pending.addAndGet(size) > MAX_PENDING) {
            pending.addAndGet(-size);
            return false;
        }
        s.sendBinary(buf, Callback.from(() -> pending.addAndGet(-size), t -> pending.addAndGet(-size)));
        return true;
    }

    /** An error frame with the reason (so the agent can print it), then the WebSocket close. */
    void close(int status, String reason) {
        send(new AgentMessage.Error(reason));
        closed = true;
        Session s = ws;
        if (s != null) s.close(status, shorten(reason), Callback.NOOP);
    }

    private static String shorten(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length <= 120 ? s : s.substring(0, Math.min(s.length(), 40)) + "...";
    }

    static String printable(String reason) {
        String line = reason.codePoints().map(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (line.isEmpty()) return "the shell ended";
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
