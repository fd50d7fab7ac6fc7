package dev.ferry.relay.ssh;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.HubLimits;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Seat;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionLog;
import dev.ferry.relay.hub.SessionSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-process SSH server on an ephemeral port, over a real hub, plus stock-ssh command lines for it. */
final class SshFixture implements AutoCloseable {
    final Hub hub;
    final SshJoinServer server;
    final List<String> refused = new CopyOnWriteArrayList<>();
    final List<Peer> joined = new CopyOnWriteArrayList<>();
    final List<Seat> seats = new CopyOnWriteArrayList<>();
    final List<Peer> badTokens = new CopyOnWriteArrayList<>();

    SshFixture(Path dataDir) throws IOException {
        this(dataDir, new FailureLimiter());
    }

    SshFixture(Path dataDir, FailureLimiter limiter) throws IOException {
        this(dataDir, limiter, HubLimits.DEFAULT);
    }

    SshFixture(Path dataDir, FailureLimiter limiter, HubLimits limits) throws IOException {
        hub = new Hub(limits, SessionLog.NONE, limiter);
        server = SshJoinServer.start(new SshJoinServer.Config(dataDir, "127.0.0.1", 0), hub, new SshEvents() {
            @Override public void joined(Peer peer, Seat seat) {
                joined.add(peer);
                seats.add(seat);
            }

            @Override public void refused(Peer peer, String request) { refused.add(request); }

            @Override public void badToken(Peer peer) { badTokens.add(peer); }
        });
    }

    /** A session fed by {@code source}, cols x rows, under the given resize policy. */
    Session open(TestSource source, int cols, int rows, ResizePolicy policy) {
        Session s = hub.open(source, new SessionSpec("test", false, cols, rows, "127.0.0.1", policy));
        source.session = s;
        return s;
    }

    /** {@code ssh} with no user or system config, no host key checks, and these extra arguments. */
    List<String> ssh(String user, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p", String.valueOf(server.port()),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=10"));
        cmd.addAll(List.of(extra));
        cmd.add(user + "@127.0.0.1");
        return cmd;
    }

    /** The same as one shell command line (for tmux), without keys: keyboard-interactive. */
    String sshLine(String user, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("-tt", "-o", "PubkeyAuthentication=no"));
        cmd.addAll(List.of(extra));
        return String.join(" ", ssh(user, cmd.toArray(String[]::new)));
    }

    @Override
    public void close() throws IOException {
        server.close();
        hub.close();
    }
}
