package dev.ferry.relay.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Role;
import dev.ferry.relay.hub.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who gets in, with what, and everything a joiner may not do: stock OpenSSH against the server. */
class SshAccessTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T c) {
        closeables.add(c);
        return c;
    }

    private SshFixture relay() throws IOException {
        return closing(new SshFixture(dir.resolve("data")));
    }

    @Test
    void badTokenIsToldPlainlyAndTheConnectionCloses() throws Exception {
        SshFixture relay = relay();
        Tmux tmux = closing(new Tmux());
        tmux.start(100, 30, relay.sshLine("nosuchtokenatallnosuchtoken"));
        String screen = tmux.awaitText("[exit ");
        assertThat(screen).contains("Invalid or expired session token").contains("[exit 1]");
        assertThat(screen).doesNotContainIgnoringCase("password");
        assertThat(relay.badTokens).hasSize(1);
        assertThat(relay.badTokens.get(0).address()).isEqualTo("127.0.0.1");
    }

    @Test
    void repeatedFailuresFromOneAddressAreRateLimited() throws Exception {
        SshFixture relay = closing(new SshFixture(dir.resolve("data"), new FailureLimiter(2, TimeUnit.MINUTES.toNanos(10), System::nanoTime)));
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        for (int i = 0; i < 2; i++) {
            Proc p = Proc.run(relay.ssh("ro-" + "x".repeat(26), "-tt", "-o", "PubkeyAuthentication=no"), 30);
            assertThat(p.output()).contains("Invalid or expired session token");
            assertThat(p.exit()).isEqualTo(1);
        }
        // Now even the right token is refused from this address: guessing is throttled.
        Proc p = Proc.run(relay.ssh(session.readOnlyToken(), "-tt", "-o", "PubkeyAuthentication=no"), 30);
        assertThat(p.output()).contains("Too many failed attempts, try again later");
        assertThat(p.exit()).isEqualTo(1);
        assertThat(relay.joined).isEmpty();
    }

    @Test
    void execAndSubsystemsAreRefusedForEveryToken() throws Exception {
        SshFixture relay = relay();
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        for (String token : List.of(session.readOnlyToken(), session.readWriteToken())) {
            Proc exec = Proc.run(withCommand(relay.ssh(token, "-o", "PubkeyAuthentication=no"), "ls", "/"), 30);
            assertThat(exec.exit()).as(exec.output()).isEqualTo(255);
            assertThat(exec.output()).contains("exec request failed").doesNotContain("bin");

            Proc ttyExec = Proc.run(withCommand(relay.ssh(token, "-tt", "-o", "PubkeyAuthentication=no"), "echo", "pwned"), 30);
            assertThat(ttyExec.exit()).as(ttyExec.output()).isEqualTo(255);
            assertThat(ttyExec.output()).contains("exec request failed").doesNotContain("pwned");

            Proc sftp = Proc.run(withCommand(relay.ssh(token, "-o", "PubkeyAuthentication=no", "-s"), "sftp"), 30);
            assertThat(sftp.exit()).as(sftp.output()).isEqualTo(255);
            assertThat(sftp.output()).contains("subsystem request failed");
        }
        assertThat(relay.refused).containsExactly("exec", "exec", "subsystem", "exec", "exec", "subsystem");
        assertThat(source.input()).isEmpty();
        assertThat(relay.joined).isEmpty();
    }

    @Test
    void noTerminalNoJoin() throws Exception {
        SshFixture relay = relay();
        Session session = relay.open(new TestSource(), 80, 24, ResizePolicy.HOST);
        Proc p = Proc.run(relay.ssh(session.readWriteToken(), "-T", "-o", "PubkeyAuthentication=no"), 30);
        assertThat(p.output()).contains("joining needs a terminal; run ssh with -t");
        assertThat(p.exit()).isEqualTo(2);
        assertThat(relay.joined).isEmpty();
    }

    @Test
    void remoteForwardingIsRefused() throws Exception {
        SshFixture relay = relay();
        Session session = relay.open(new TestSource(), 80, 24, ResizePolicy.HOST);
        for (String token : List.of(session.readOnlyToken(), session.readWriteToken())) {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Proc p = Proc.run(relay.ssh(token, "-N", "-o", "PubkeyAuthentication=no", "-o", "ExitOnForwardFailure=yes",
                    "-R", port + ":127.0.0.1:9"), 30);
            assertThat(p.exit()).as(p.output()).isEqualTo(255);
            assertThat(p.output()).contains("remote port forwarding failed");
        }
        assertThat(relay.refused).containsExactly("tcpip-forward", "tcpip-forward");
    }

    @Test
    void localForwardingIsRefused() throws Exception {
        SshFixture relay = relay();
        Session session = relay.open(new TestSource(), 80, 24, ResizePolicy.HOST);
        localForwardIsRefused(relay, session.readOnlyToken());
        localForwardIsRefused(relay, session.readWriteToken());
        assertThat(relay.refused).containsExactly("channel direct-tcpip", "channel direct-tcpip");
    }

    private static void localForwardIsRefused(SshFixture relay, String token) throws Exception {
        int before = relay.refused.size();
        try (ServerSocket target = new ServerSocket()) {
            target.bind(new InetSocketAddress("127.0.0.1", 0));
            target.setSoTimeout(1000);
            int local;
            try (ServerSocket probe = new ServerSocket(0)) {
                local = probe.getLocalPort();
            }
            List<String> cmd = relay.ssh(token, "-N", "-o", "PubkeyAuthentication=no",
                    "-o", "ExitOnForwardFailure=yes", "-L", local + ":127.0.0.1:" + target.getLocalPort());
            Process ssh = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try {
                // ssh listens locally; each connection asks the relay for a direct-tcpip channel
                Socket c = connectWithin(local, Duration.ofSeconds(15));
                try (c) {
                    c.setSoTimeout(10_000);
                    assertThat(c.getInputStream().read()).isEqualTo(-1);  // closed by ssh: open failed
                }
                TestSource.await(Duration.ofSeconds(10), "refusal", () -> relay.refused.size(), n -> n > before);
                try (Socket reached = target.accept()) {
                    throw new AssertionError("the forward reached its target: " + reached);
                } catch (SocketTimeoutException expected) {
                    // nothing came through
                }
            } finally {
                ssh.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void agentAndX11ForwardingAreRefusedAndTheJoinStillWorks() throws Exception {
        SshFixture relay = relay();
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        source.output("agent-test screen");
        for (String token : List.of(session.readOnlyToken(), session.readWriteToken())) {
            Tmux tmux = closing(new Tmux());
            // ssh asks for agent forwarding only when an agent runs, and for X11 only with a DISPLAY.
            tmux.start(100, 30, "DISPLAY=127.0.0.1:77 ssh-agent sh -c '" + relay.sshLine(token, "-A", "-X") + "'");
            tmux.awaitText("agent-test screen");
        }
        TestSource.await(Duration.ofSeconds(10), "both joins", () -> relay.seats.size(), n -> n == 2);
        assertThat(relay.refused).containsExactlyInAnyOrder(
                "auth-agent-req@openssh.com", "x11-req", "auth-agent-req@openssh.com", "x11-req");
        assertThat(relay.seats).extracting(s -> s.role()).containsExactly(Role.READ_ONLY, Role.READ_WRITE);
    }

    @Test
    void publicKeyLoginWorksAndItsFingerprintIsRecorded() throws Exception {
        SshFixture relay = relay();
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        source.output("key-test screen");
        Path key = dir.resolve("id_ed25519");
        HostKeyTest.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "joiner", "-f", key.toString());
        String expected = HostKeyTest.run("ssh-keygen", "-l", "-f", key + ".pub").split(" ")[1];

        Tmux tmux = closing(new Tmux());
        tmux.start(100, 30, String.join(" ", relay.ssh(session.readWriteToken(), "-tt", "-i", key.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "PreferredAuthentications=publickey", "-o", "BatchMode=yes")));
        tmux.awaitText("key-test screen");
        assertThat(relay.joined).singleElement().extracting(Peer::keyFingerprint).isEqualTo(expected);
        assertThat(expected).startsWith("SHA256:");
    }

    @Test
    void keyboardInteractiveLoginRecordsNoKey() throws Exception {
        SshFixture relay = relay();
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        source.output("kbd-test screen");
        Tmux tmux = closing(new Tmux());
        tmux.start(100, 30, relay.sshLine(session.readWriteToken()));
        String screen = tmux.awaitText("kbd-test screen");
        assertThat(screen).doesNotContainIgnoringCase("password");
        assertThat(relay.joined).singleElement().extracting(Peer::keyFingerprint).isNull();
    }

    @Test
    void passwordAuthIsOff() throws Exception {
        SshFixture relay = relay();
        Proc p = Proc.run(relay.ssh("anyone", "-o", "PreferredAuthentications=password", "-o", "BatchMode=yes"), 30);
        assertThat(p.exit()).isEqualTo(255);
        assertThat(p.output()).contains("Permission denied (publickey,keyboard-interactive)");
    }

    @Test
    void hostKeyPersistsAcrossRestartsAndIsWhatClientsSee() throws Exception {
        Path data = dir.resolve("data");
        String first;
        try (SshFixture relay = new SshFixture(data)) {
            first = relay.server.hostKeyFingerprint();
            assertThat(servedFingerprint(relay.server.port())).isEqualTo(first);
        }
        try (SshFixture relay = new SshFixture(data)) {
            assertThat(relay.server.hostKeyFingerprint()).isEqualTo(first);
            assertThat(servedFingerprint(relay.server.port())).isEqualTo(first);
        }
        assertThat(HostKeyTest.run("ssh-keygen", "-l", "-f", data.resolve("ssh_host_ed25519_key").toString())).contains(first);
    }

    /** The fingerprint of the ed25519 key the server presents, as OpenSSH's own tools compute it. */
    private String servedFingerprint(int port) throws Exception {
        Proc scan = Proc.run(List.of("ssh-keyscan", "-t", "ed25519", "-p", String.valueOf(port), "127.0.0.1"), 30);
        String line = scan.output().lines().filter(l -> l.contains("ssh-ed25519")).findFirst().orElseThrow(
                () -> new AssertionError("no ed25519 key served: " + scan.output()));
        Path f = dir.resolve("scanned.pub");
        Files.writeString(f, line + "\n");
        return HostKeyTest.run("ssh-keygen", "-l", "-f", f.toString()).split(" ")[1];
    }

    private static List<String> withCommand(List<String> ssh, String... command) {
        List<String> cmd = new ArrayList<>(ssh);
        cmd.addAll(List.of(command));
        return cmd;
    }

    private static Socket connectWithin(int port, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (IOException e) {
                if (System.nanoTime() > end) throw new AssertionError("ssh never listened on " + port, e);
                Thread.sleep(50);
            }
        }
    }
}
