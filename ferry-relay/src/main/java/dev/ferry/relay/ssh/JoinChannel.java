package dev.ferry.relay.ssh;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * The only channel type the relay opens: a session channel that allows a pty, a shell and window
 * changes, and refuses every other request (exec, subsystems, agent and X11 forwarding, signals,
 * anything future). An allow-list, so a request type we never thought of is refused too. The one
 * exception is a tmate host: user {@code tmate} may open the {@code tmate} subsystem.
 */
final class JoinChannel extends ChannelSession {
    private static final Set<String> ALLOWED = Set.of("pty-req", "window-change", "shell", "env");
    // Harmless liveness probes: refused like everything else, but not worth reporting.
    private static final Set<String> QUIET = Set.of("keepalive@openssh.com");

    /** The user name stock tmate logs in with. */
    static final String TMATE_USER = "tmate";

    static final int DEFAULT_COLS = 80, DEFAULT_ROWS = 24, MAX_SIZE = 1000;

    private final SshEvents events;
    private volatile boolean pty;
    private volatile long size = pack(DEFAULT_COLS, DEFAULT_ROWS);
    private volatile Runnable onWindowChange = () -> {};

    JoinChannel(SshEvents events) {
        super(List.of()); // no default handlers: nothing is handled outside handleInternalRequest
        this.events = events;
    }

    /** True once the client asked for a pty (ssh does unless given -T or a command). */
    boolean hasPty() {
        return pty;
    }

    /** The client's window, from pty-req and window-change, clamped to 1..1000 (80x24 when unknown). */
    int cols() {
        return (int) (size >>> 32);
    }

    int rows() {
        return (int) size;
    }

    /** Called (on an SSH I/O thread: must not block) after each window-change. */
    void onWindowChange(Runnable listener) {
        onWindowChange = listener;
    }

    @Override
    protected RequestHandler.Result handlePtyReqParsed(String term, int cols, int rows, int width, int height,
            Map<PtyMode, Integer> modes) throws IOException {
        setSize(cols, rows);
        pty = true;
        return super.handlePtyReqParsed(term, cols, rows, width, height, modes);
    }

    @Override
    protected RequestHandler.Result handleWindowChangeParsed(int cols, int rows, int width, int height) throws IOException {
        setSize(cols, rows);
        onWindowChange.run();
        return RequestHandler.Result.ReplySuccess;
    }

    /** The joiner's environment means nothing to the relay: accepted (so ssh's SendEnv is quiet) and dropped. */
    @Override
    protected RequestHandler.Result handleEnvParsed(String name, String value) {
        return RequestHandler.Result.ReplySuccess;
    }

    private void setSize(int cols, int rows) {
        size = pack(cols <= 0 ? DEFAULT_COLS : Math.min(cols, MAX_SIZE), rows <= 0 ? DEFAULT_ROWS : Math.min(rows, MAX_SIZE));
    }

    private static long pack(int cols, int rows) {
        return ((long) cols << 32) | rows;
    }

    @Override
    protected RequestHandler.Result handleInternalRequest(String type, boolean wantReply, Buffer buffer) throws IOException {
        if (ALLOWED.contains(type)) {
            return super.handleInternalRequest(type, wantReply, buffer);
        }
        // A tmate host: user "tmate" (authenticated) asks for the "tmate" subsystem, the only
        // subsystem served (the factory list holds nothing else). Joiners never get one.
        if (type.equals("subsystem") && TMATE_USER.equals(getSession().getUsername())) {
            return super.handleInternalRequest(type, wantReply, buffer);
        }
        if (!QUIET.contains(type)) {
            events.refused(Peer.of(getSession()), type);
        }
        return RequestHandler.Result.ReplyFailure;
    }

    static ChannelFactory factory(SshEvents events) {
        return new ChannelFactory() {
            @Override
            public String getName() {
                return "session";
            }

            @Override
            public Channel createChannel(Session session) {
                return new JoinChannel(events);
            }
        };
    }
}
