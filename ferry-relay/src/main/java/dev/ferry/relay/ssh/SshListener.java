package dev.ferry.relay.ssh;

import dev.ferry.relay.RelayConfig;
import dev.ferry.relay.RelayListener;
import dev.ferry.relay.hub.Endpoints;
import dev.ferry.relay.hub.Hub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The relay's SSH way in: {@link SshJoinServer} on {@code --listen}:{@code --ssh-port}, host key in the data directory. */
public final class SshListener implements RelayListener {
    private SshJoinServer server;

    @Override
    public void start(Hub hub, RelayConfig config) throws IOException {
        server = SshJoinServer.start(new SshJoinServer.Config(config.dataDir(), config.listen(), config.sshPort(), config.tmateGrace()),
                hub, new LoggedSshEvents());
    }

    public int port() {
        return server.port();
    }

    public String hostKeyFingerprint() {
        return server.hostKeyFingerprint();
    }

    @Override
    public List<String> banner() {
        return List.of("ssh: port " + server.port() + ", host key " + server.hostKeyFingerprint() + " (ED25519)");
    }

    @Override
    public Endpoints endpoints(Endpoints e) {
        return new Endpoints(e.sshHost(), server.port(), e.webBase());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
