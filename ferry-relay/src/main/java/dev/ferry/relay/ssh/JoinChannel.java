package dev.ferry.relay.ssh;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * The only channel type the relay opens: a session channel that allows a pty, a shell and window
 * changes, and refuses every other request (exec, subsystem, agent and X11 forwarding, signals,
 * anything future). An allow-list, so a request type we never thought of is refused too.
 */
final class JoinChannel extends ChannelSession {
    private static final Set<String> ALLOWED = Set.of("pty-req", "window-change", "shell", "env");
    // Harmless liveness probes: refused like everything else, but not worth reporting.
    private static final Set<String> QUIET = Set.of("keepalive@openssh.com");

    private final SshEvents events;

    JoinChannel(SshEvents events) {
        super(List.of()); // no default handlers: nothing is handled outside handleInternalRequest
        this.events = events;
    }

    @Override
    protected RequestHandler.Result handleInternalRequest(String type, boolean wantReply, Buffer buffer) throws IOException {
        if (ALLOWED.contains(type)) {
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
