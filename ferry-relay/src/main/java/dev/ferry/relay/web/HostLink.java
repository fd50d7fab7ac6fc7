package dev.ferry.relay.web;

import dev.ferry.protocol.DeflatedFrames;
import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import dev.ferry.relay.auth.HostAdmission;
import dev.ferry.relay.auth.HostRefusedException;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.SessionAccess;
import dev.ferry.relay.hub.SessionNameTakenException;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Role;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code ferry share} host on {@code /ws/host}: the session's source. Public only because Jetty invokes listeners reflectively.
 *
 * <p>A host that negotiated {@link Frames#DEFLATED_OUTPUT_PROTOCOL} may send its output as deflated
 * frames: the relay inflates them (for the screen model and the recording) and passes the bytes as
 * they came to participants that read deflated frames, so that output which the host already
 * compressed is not compressed again for them.
 */
public final class HostLink implements Session.Listener.AutoDemanding, Source {
    private static final Logger log = LoggerFactory.getLogger(HostLink.class);
    /**
     * Jetty reads a link 4 KB at a time by default, so a host's frame of fast output (up to 64 KB of
     * output, compressed: 9 KB for ls -l lines, more for less repetitive text) came in pieces: a read and
     * a partial frame each, then a copy to join them. The buffer is pooled and held only while unread
     * bytes are in it, so an idle host costs nothing more.
     */
    static final int HOST_READ_BUFFER = 64 * 1024;

    private final Hub hub;
    private final String address;
    private final boolean deflatedOutput;
    private Session ws;
    private FrameSender sender;
    private volatile dev.ferry.relay.hub.Session session;
    private volatile boolean refused;
    private Message.Hello hello;   // a version-2 hello waits here for its HostOptions

    HostLink(Hub hub, String address, boolean deflatedOutput) {
        this.hub = hub;
        this.address = address;
        this.deflatedOutput = deflatedOutput;
    }

    @Override
    public void onWebSocketOpen(Session ws) {
        this.ws = ws;
        this.sender = new FrameSender(ws, 4 << 20);
        ws.setInputBufferSize(HOST_READ_BUFFER);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            if (deflatedOutput && DeflatedFrames.isDeflated(payload)) {
                byte[] frame = new byte[payload.remaining()];   // the buffer is Jetty's again once the callback succeeds
                payload.get(frame);
                if (!refused) handle(DeflatedFrames.hostOutput(ByteBuffer.wrap(frame)), frame);   // a refused host's is not even inflated
            } else {
                handle(Frames.decode(payload), null);
            }
            callback.succeed();
        } catch (ProtocolException e) {
            callback.succeed();
            fail(StatusCode.PROTOCOL, "protocol error: " + e.getMessage());
        }
    }

    @Override
    public void onWebSocketText(String text) {
        fail(StatusCode.BAD_DATA, "protocol error: text frames are not part of the protocol");
    }

    /** {@code deflated}: the whole deflated frame {@code m} came in, passed on as it came (null for a plain frame). */
    private void handle(Message m, byte[] deflated) throws ProtocolException {
        final var s = session;
        if (refused) return;   // the close is on its way; whatever the host still sends is moot
        switch (m) {
            case Message.Hello h when s == null && hello == null -> {
                if (h.version() != Frames.VERSION && h.version() != Frames.VERSION_WITH_OPTIONS) {
                    throw new ProtocolException("unsupported protocol version " + h.version() + " (this relay speaks "
                            + Frames.VERSION + " and " + Frames.VERSION_WITH_OPTIONS + ")");
                }
                hello = h;
                if (h.version() == Frames.VERSION) open(h, Message.HostOptions.NONE);
            }
            case Message.HostOptions o when s == null && hello != null && hello.version() == Frames.VERSION_WITH_OPTIONS -> open(hello, o);
            case Message.Ping p -> sender.send(new Message.Pong(p.value()));
            case Message.Pong p -> { }
            case Message.Output o when s != null && deflated != null -> s.output(o.data(), deflated);
            case Message.Output o when s != null -> s.output(o.data(), 0, o.data().length);
            case Message.Resize r when s != null -> s.resize(r.cols(), r.rows());
            case Message.Close c when s != null -> s.end(printable(c.reason()));
            default -> throw new ProtocolException("unexpected " + m.getClass().getSimpleName().toLowerCase()
                    + " frame from the host" + (s == null ? " before hello" : ""));
        }
    }

    /** Admits the host (API key, names, key restrictions) and opens its session, or refuses it with one line. */
    private void open(Message.Hello h, Message.HostOptions o) {
        var request = new HostAdmission.Request(o.apiKey(), o.name(), o.nameRo(), splitUsers(o.allowUsers()), o.authorizedKeys());
        dev.ferry.relay.hub.Session opened;
        try {
            SessionAccess access = hub.admission().admit(request, address);
            var spec = new SessionSpec(h.command(), h.readOnly(), h.cols(), h.rows(), address, ResizePolicy.HOST, access);
            opened = hub.open(this, spec);
        } catch (HostRefusedException | SessionNameTakenException e) {
            log.info("host from {} refused: {}", address, e.getMessage());
            refused = true;
            sender.close(StatusCode.POLICY_VIOLATION, e.getMessage());
            return;
        }
        session = opened;
        sender.send(opened.info(Role.READ_WRITE));
        SessionAccess a = opened.spec().access();
        log.info("session {} opened by {}{} ({}{})", opened.id(), address, a.owner() == null ? "" : " as " + a.owner(),
                h.readOnly() ? "read-only" : "read-write", a.restricted() ? ", restricted to " + a.allowedKeys().size() + " key(s)" : "");
    }

    private static java.util.List<String> splitUsers(String s) {
        return java.util.Arrays.stream(s.split(",")).map(String::strip).filter(u -> !u.isEmpty()).distinct().toList();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        var s = session;
        if (s != null) s.end("the host disconnected");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        log.debug("host link {}: {}", address, cause.toString());
    }

    private void fail(int status, String message) {
        log.info("host link from {} closed: {}", address, message);
        sender.close(status, message);
        var s = session;
        if (s != null) s.end("the host's link broke (" + message + ")");
    }

    // ---- Source ----

    @Override
    public boolean deflatesOutput() {
        return deflatedOutput;
    }

    @Override
    public void input(byte[] data) {
        if (!sender.send(new Message.Input(data))) {
            log.debug("input for {} dropped: host not reading", address);
        }
    }

    @Override
    public void notice(String text) {
        sender.send(new Message.Notice(text));
    }

    @Override
    public void ended(String reason) {
        sender.close(StatusCode.NORMAL, reason);
    }

    /** The host's reason is shown on every participant's terminal: no control characters, one short line. */
    static String printable(String reason) {
        String line = reason.codePoints().map(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (line.isEmpty()) return "the host ended the session";
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
