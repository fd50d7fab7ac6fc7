package dev.ferry.relay.ssh;

import dev.ferry.relay.hub.Hub;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import dev.ferry.relay.tmate.TmateHost;
import dev.ferry.relay.tmate.TmateSessions;

/**
 * The relay's SSH listener: people join shared sessions with stock {@code ssh -pPORT TOKEN@HOST}.
 *
 * <p>Any user name gets in (keyboard-interactive with zero prompts, or any public key, whose
 * fingerprint is recorded; for a key-restricted session only a listed key); the user name is the
 * session token ({@code alice/demo} for named sessions), checked when the shell starts.
 * Only a session channel with a pty and a shell is served: exec, subsystems, port forwarding,
 * agent and X11 forwarding are refused for everyone, since a joiner has no business with them.
 * Stock tmate hosts log in as user {@code tmate} (with any public key) and open the {@code tmate}
 * subsystem: a {@link TmateHost} then shares their session.
 */
public final class SshJoinServer implements AutoCloseable {
    /** Where to listen and where the host key lives. Port 0 picks a free port. */
    public record Config(Path dataDir, String host, int port, java.time.Duration tmateGrace) {
        /** With tmate's default grace period. */
        public Config(Path dataDir, String host, int port) {
            this(dataDir, host, port, TmateSessions.DEFAULT_GRACE);
        }

        public Config {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("SSH port must be between 0 and 65535, not " + port);
            }
        }
    }

    private final SshServer sshd;
    private final HostKey hostKey;

    private final TmateSessions tmate;

    private SshJoinServer(SshServer sshd, HostKey hostKey, TmateSessions tmate) {
        this.sshd = sshd;
        this.hostKey = hostKey;
        this.tmate = tmate;
    }

    /** Starts listening; joiners are seated in {@code hub}'s sessions by the token they log in with. */
    public static SshJoinServer start(Config config, Hub hub, SshEvents events) throws IOException {
        HostKey hostKey = HostKey.loadOrCreate(config.dataDir());
        TmateSessions tmate = new TmateSessions(hub, config.tmateGrace());
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(config.host());
        sshd.setPort(config.port());
        sshd.setKeyPairProvider(hostKey.provider());

        sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE));
        sshd.setPublickeyAuthenticator(new ListedKeyAuthenticator(hub));
        sshd.setKeyboardInteractiveAuthenticator(new ZeroPromptAuthenticator());
        sshd.setPasswordAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);
        sshd.setGSSAuthenticator(null);

        sshd.setChannelFactories(List.of(
                JoinChannel.factory(events),
                Refusals.channel("direct-tcpip", events),
                Refusals.channel("direct-streamlocal@openssh.com", events)));
        sshd.setGlobalRequestHandlers(List.of(
                KeepAliveHandler.INSTANCE, NoMoreSessionsHandler.INSTANCE, Refusals.globalRequests(events)));
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setAgentFactory(null);
        sshd.setCommandFactory(null);
        sshd.setSubsystemFactories(List.of(new SubsystemFactory() {
            @Override
            public String getName() {
                return "tmate";
            }

            @Override
            public Command createSubsystem(ChannelSession channel) {
                return new TmateHost(tmate, Peer.address(channel.getSession().getRemoteAddress()));
            }
        }));
        sshd.setShellFactory(channel -> new SshJoiner(hub, (JoinChannel) channel, events));

        CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "Ferry");
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, Duration.ofSeconds(30));
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, 10);
        // Watchers sit idle for hours: no idle timeout, but probe the client so dead links go away.
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, Duration.ZERO);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(sshd, Duration.ofSeconds(30));
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(sshd, 4);
        // A joiner's writes wait for window space on the joiner's own thread; a stalled terminal
        // (scroll lock, suspended ssh) must not be cut off after the default 30 s.
        CoreModuleProperties.WAIT_FOR_SPACE_TIMEOUT.set(sshd, Duration.ofHours(1));
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(sshd, 4);
        CoreModuleProperties.SOCKET_KEEPALIVE.set(sshd, true);

        sshd.start();
        return new SshJoinServer(sshd, hostKey, tmate);
    }

    /** The port actually bound (the real one when configured with 0). */
    public int port() {
        for (SocketAddress address : sshd.getBoundAddresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        return sshd.getPort();
    }

    /** The host key's fingerprint, {@code SHA256:...} as {@code ssh-keygen -l} prints it. */
    public String hostKeyFingerprint() {
        return hostKey.fingerprint();
    }

    @Override
    public void close() throws IOException {
        tmate.close();
        sshd.stop(true);
    }
}
