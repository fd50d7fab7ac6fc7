package dev.ferry.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: Debian's OpenSSH {@code sshd} on a free loopback port, with a generated config, a
 * temporary host key and a temporary client key (the harness runs as root). The client logs in as
 * {@link #USER}, a system user the harness creates once with {@code /bin/sh} as its shell and an
 * empty home, so the baseline never runs this machine's dotfiles (root's {@code ~/.bashrc}, which
 * bash reads even for an ssh exec request). It runs the measured program as an exec request with a
 * PTY ({@code sh -c PROGRAM}), the same command line as Ferry's load host.
 */
final class Sshd implements AutoCloseable {
    static final String USER = "ferry-bench";
    private static final Path HOME = Path.of("/var/lib/ferry-bench");

    final Process process;
    final int port;
    final Path clientKey;

    private Sshd(Process process, int port, Path clientKey) {
        this.process = process;
        this.port = port;
        this.clientKey = clientKey;
    }

    static Sshd start(Path dir, boolean compression) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path hostKey = dir.resolve("host_key"), clientKey = dir.resolve("client_key");
        if (!Files.exists(hostKey)) Procs.run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", hostKey.toString());
        if (!Files.exists(clientKey)) Procs.run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", clientKey.toString());
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(Path.of("/run/sshd"));  // privilege separation directory
        ensureUser();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "UseDNS no",
                "PrintMotd no",
                "PrintLastLog no",
                "MaxStartups 2000",
                "MaxSessions 10",
                "LogLevel ERROR",
                "Compression " + (compression ? "yes" : "no"),
                ""));
        Process p = Procs.start(new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                break;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    Procs.kill(p.toHandle());
                    throw new IOException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")).strip());
                }
                Thread.sleep(50);
            }
        }
        return new Sshd(p, port, clientKey);
    }

    /** Creates the baseline's login (no password, /bin/sh, empty home) unless it exists. */
    private static void ensureUser() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        if (new ProcessBuilder("id", "-u", USER).start().waitFor() == 0) return;
        // Password "*": no password login, but not "locked" ("!"), which sshd without PAM refuses even for keys.
        Procs.run("useradd", "--system", "--shell", "/bin/sh", "--home-dir", HOME.toString(), "--no-create-home",
                "--password", "*", USER);
    }

    /** CPU seconds of the listener and every live per-connection sshd process (not the programs they run). */
    double cpuSeconds() {
        return Procs.cpuSeconds(process.pid(), "sshd");
    }

    @Override
    public void close() {
        Procs.kill(process.toHandle());
    }
}
