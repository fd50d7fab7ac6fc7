package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stock tmate against a relay, for tests: a scratch HOME with its own key and {@code ~/.tmate.conf}
 * (from {@code ferry tmate-config}), the tmate command line for it, OpenSSH joiners in tmux.
 */
final class TmateKit {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SSH_OPTIONS = "-tt -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "
            + "-o LogLevel=ERROR -o PubkeyAuthentication=no ";

    private final Path tmp;
    final String conf;

    private TmateKit(Path tmp, String conf) {
        this.tmp = tmp;
        this.conf = conf;
    }

    /** {@code ferry tmate-config} for this relay. */
    static TmateKit forRelay(Path tmp, RelayProcess relay) throws Exception {
        Process p = new ProcessBuilder(Ferry.command("tmate-config", "--relay", relay.webBase())).redirectErrorStream(true).start();
        String conf = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(conf).isZero();
        return new TmateKit(tmp, conf);
    }

    int relaySshPort() {
        return Integer.parseInt(conf.replaceAll("(?s).*tmate-server-port (\\d+).*", "$1"));
    }

    /** A scratch HOME with a key and the relay's ~/.tmate.conf plus these extra lines. */
    Path home(String extraConf) throws Exception {
        Path home = Files.createTempDirectory(tmp, "home");
        Path key = home.resolve("id_ed25519");
        Process kg = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start();
        assertThat(kg.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Files.writeString(home.resolve("tmate.conf"), conf + "set -g tmate-identity " + key + "\n" + extraConf);
        return home;
    }

    /** The shell command running {@code tmate ARGS} with this HOME, its config and its own socket. */
    static String tmate(Path home, String args) {
        return "env -u TMUX HOME=" + home + " tmate -f " + home.resolve("tmate.conf") + " -S " + home.resolve("sock") + " " + args;
    }

    /** An OpenSSH joiner (no keys offered) for a link as tmate prints it, in its own tmux. */
    static Tmux ssh(String link, int cols, int rows) throws Exception {
        return new Tmux(cols, rows, link.replaceFirst("^ssh ", "ssh " + SSH_OPTIONS));
    }

    /** Runs a shell command with a deadline; output through a file, so a daemon holding the pipe cannot block us. */
    String shell(String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "sh", ".out");
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return Files.readString(out);
    }

    /**
     * Waits until the attached client's message log ({@code show-messages}, which needs the client
     * named from outside) has this line, and returns the log.
     */
    String waitForMessage(Path home, String line) {
        String[] log = {""};
        Ferry.waitUntil(WAIT, "'" + line + "' in show-messages", () -> {
            try {
                String tty = shell(tmate(home, "list-clients -F '#{client_tty}'")).trim();
                if (!tty.matches("/dev/\\S+")) return false;   // until the server runs, tmate prints usage
                log[0] = shell(tmate(home, "show-messages -t " + tty));
                return log[0].contains(line);
            } catch (Exception e) {
                return false;
            }
        });
        return log[0];
    }

    /** Stops this HOME's tmate server (quietly if there is none). */
    void kill(Path home) {
        try {
            shell(tmate(home, "kill-server") + " 2>/dev/null");
        } catch (Exception e) {
            // best effort in cleanup
        }
    }

    /** The first group of the first match on the screen. */
    static String find(Pattern p, String screen) {
        Matcher m = p.matcher(screen);
        if (!m.find()) throw new AssertionError("no " + p + " in:\n" + screen);
        return m.group(1);
    }
}
