package dev.ferry.relay.ssh;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.ConnectionServiceRequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Everything the relay refuses at the connection level, reported before it is refused: channels
 * other than {@code session} (direct-tcpip for {@code ssh -L}, X11, agent, streamlocal) and global
 * requests other than keepalives ({@code tcpip-forward} for {@code ssh -R}, and anything newer).
 */
final class Refusals {
    private Refusals() {}

    /** A channel type that is never opened; MINA answers "unknown channel type" to the client. */
    static ChannelFactory channel(String type, SshEvents events) {
        return new ChannelFactory() {
            @Override
            public String getName() {
                return type;
            }

            @Override
            public Channel createChannel(Session session) {
                events.refused(Peer.of(session), "channel " + type);
                return null;
            }
        };
    }

    /** Placed last among the global handlers: whatever reaches it is refused. */
    static ConnectionServiceRequestHandler globalRequests(SshEvents events) {
        return new ConnectionServiceRequestHandler() {
            @Override
            public RequestHandler.Result process(ConnectionService service, String request, boolean wantReply, Buffer buffer) {
                events.refused(Peer.of(service.getSession()), request);
                return RequestHandler.Result.ReplyFailure;
            }
        };
    }
}
