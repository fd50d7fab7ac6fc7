package dev.ferry.relay.ssh;

import dev.ferry.relay.hub.Seat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SSH events to the log until the audit log takes them; {@link Peer} never prints the token. */
public final class LoggedSshEvents implements SshEvents {
    private static final Logger LOG = LoggerFactory.getLogger("dev.ferry.relay.ssh");

    @Override
    public void joined(Peer peer, Seat seat) {
        LOG.info("{} joined session {} {}", peer, seat.session().id(), seat.role().label());
    }

    @Override
    public void refused(Peer peer, String request) {
        LOG.info("{}: refused {}", peer, request);
    }

    @Override
    public void badToken(Peer peer) {
        LOG.info("{}: invalid or expired token", peer);
    }
}
