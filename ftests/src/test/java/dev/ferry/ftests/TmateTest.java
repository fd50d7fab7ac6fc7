package dev.ferry.ftests;

import static dev.ferry.ftests.TmateKit.WAIT;
import static dev.ferry.ftests.TmateKit.ssh;
import static dev.ferry.ftests.TmateKit.tmate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stock tmate 2.4 against {@code ferry relay}: configured by {@code ferry tmate-config}, run in
 * tmux with its own HOME and config (never the real home), joined by stock OpenSSH in tmux.
 */
class TmateTest {
    private static final Pattern SSH_RW = Pattern.compile("^ssh session: (ssh -p\\d+ (\\S+)@127\\.0\\.0\\.1)$", Pattern.MULTILINE);
    private static final Pattern SSH_RO = Pattern.compile("^ssh session read only: (ssh -p\\d+ (ro-\\S+)@127\\.0\\.0\\.1)$", Pattern.MULTILINE);

    @RegisterExtension static final TmateRelay fixture = new TmateRelay();

    @Test
    void tmateConfigPinsTheRelaysHostKey() throws Exception {
        String keygen = new String(new ProcessBuilder("ssh-keygen", "-l", "-f",
                fixture.relay.dataDir().resolve("ssh_host_ed25519_key").toString()).start().getInputStream().readAllBytes());
        assertThat(fixture.kit.conf).contains("set -g tmate-server-host 127.0.0.1")
                .containsPattern("set -g tmate-server-port \\d+")
                .contains("set -g tmate-server-ed25519-fingerprint " + keygen.split(" ")[1]);
    }

    @Test
    void foregroundTmateGetsTheLinksAndJoinersShareTheSession() throws Exception {
        Path home = fixture.kit.home("");
        try (Tmux host = new Tmux(100, 30, tmate(home, "-F"))) {
            String lines = host.waitFor(WAIT, "the ssh lines", s -> SSH_RW.matcher(s).find() && SSH_RO.matcher(s).find());
            assertThat(lines).containsPattern("(?m)^web session: http://127\\.0\\.0\\.1:\\d+/t/\\S+$")
                    .containsPattern("(?m)^web session read only: http://127\\.0\\.0\\.1:\\d+/t/ro-\\S+$");
            Matcher rwLink = SSH_RW.matcher(lines);
            Matcher roLink = SSH_RO.matcher(lines);
            assertThat(rwLink.find() && roLink.find()).isTrue();

            // The scripted way: wait tmate-ready, then the link from the environment the relay set.
            fixture.kit.shell(tmate(home, "wait tmate-ready"));
            assertThat(fixture.kit.shell(tmate(home, "display -p '#{tmate_ssh}'")).trim()).isEqualTo(rwLink.group(1));
            assertThat(fixture.kit.shell(tmate(home, "display -p '#{tmate_ssh_ro}'")).trim()).isEqualTo(roLink.group(1));

            try (Tmux rw = ssh(rwLink.group(1), 100, 30); Tmux ro = ssh(roLink.group(1), 100, 30)) {
                rw.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                ro.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                host.waitFor(WAIT, "join notices", s -> s.contains("A mate has joined (127.0.0.1) -- 2 clients currently connected"));
                ro.type("echo from-ro-$((6*7))");
                ro.sendKeys("Enter");
                rw.type("echo from-rw-$((6*7))");
                rw.sendKeys("Enter");
                rw.waitForText("from-rw-42");
                ro.waitForText("from-rw-42");
                Thread.sleep(500);
                assertThat(rw.capture()).doesNotContain("from-ro");
                assertThat(ro.capture()).doesNotContain("from-ro");

                // The tmux prefix works for the read-write joiner: a split pane, then a second window.
                rw.sendKeys("C-b", "%");
                ro.waitFor(WAIT, "a split pane with its border", s -> s.contains("│"));
                rw.type("echo right-$((2*21))");
                rw.sendKeys("Enter");
                ro.waitFor(WAIT, "output in the right pane", s -> s.lines().anyMatch(l -> l.matches(".*│right-42\\s*")));
                rw.sendKeys("C-b", "c");
                ro.waitFor(WAIT, "a second window in the status line", s -> s.contains("1:") && s.contains("*"));
                rw.type("echo second-window");
                rw.sendKeys("Enter");
                ro.waitForText("second-window");
                // Read-only joiners' prefix keys do nothing.
                ro.sendKeys("C-b", "0");
                Thread.sleep(800);
                assertThat(rw.capture()).contains("second-window");

                // kill-server sends FIN: the session ends for every joiner.
                fixture.kit.shell(tmate(home, "kill-server"));
                rw.waitForText("session ended");
                ro.waitForText("session ended");
                Ferry.waitUntil(WAIT, "the joiners' ssh exits", () -> {
                    try {
                        return !rw.paneAlive() && !ro.paneAlive();
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
            // The audit log says the host came over SSH (every session on this relay is a tmate one).
            PlayCli.Run audit = PlayCli.ferry(fixture.tmp, "audit", "--json", "--data", fixture.relay.dataDir().toString());
            assertThat(audit.stdoutText()).contains("\"kind\":\"start\",\"participant\":null,\"transport\":\"ssh\"")
                    .doesNotContain("\"kind\":\"start\",\"participant\":null,\"transport\":\"web\"");
        } finally {
            fixture.kit.shell(tmate(home, "kill-server") + " 2>/dev/null");
        }
    }

    @Test
    void theSessionTakesTheSmallestReadWriteJoinersSizeAndReadOnlyDoesNotCount() throws Exception {
        Path home = fixture.kit.home("");
        try (Tmux host = new Tmux(100, 30, tmate(home, "-F"))) {
            String lines = host.waitFor(WAIT, "the ssh lines", s -> SSH_RW.matcher(s).find() && SSH_RO.matcher(s).find());
            Matcher rwLink = SSH_RW.matcher(lines);
            Matcher roLink = SSH_RO.matcher(lines);
            assertThat(rwLink.find() && roLink.find()).isTrue();
            try (Tmux rw = ssh(rwLink.group(1), 90, 25); Tmux ro = ssh(roLink.group(1), 60, 20)) {
                // The joiner's last row is the status line: the host's window gets one row less.
                Ferry.waitUntil(WAIT, "the host's window at 90x24", () -> size(home).equals("90x24"));
                rw.resize(70, 22);
                Ferry.waitUntil(WAIT, "the host's window at 70x21", () -> size(home).equals("70x21"));
                rw.waitFor(WAIT, "the status line on the joiner's last row", s -> s.lines().count() >= 22
                        && s.lines().toList().get(21).startsWith("[tmate] 0:"));
            }
        } finally {
            fixture.kit.shell(tmate(home, "kill-server") + " 2>/dev/null");
        }
    }

    @Test
    void interactiveTmateShowsTheLinesInShowMessages() throws Exception {
        Path home = fixture.kit.home("");
        try (Tmux host = new Tmux(100, 30, tmate(home, ""))) {
            String messages = fixture.kit.waitForMessage(home, "[tmate] ssh session: ssh -p");
            assertThat(messages).contains("[tmate] Note: clear your terminal before sharing readonly access")
                    .contains("[tmate] ssh session read only: ssh -p")
                    .contains("[tmate] web session: http://")
                    .contains("[tmate] web session read only: http://");
        } finally {
            fixture.kit.shell(tmate(home, "kill-server") + " 2>/dev/null");
        }
    }

    @Test
    void aRestrictedSessionAdmitsOnlyTheListedKeys() throws Exception {
        Path home = fixture.kit.home("");
        Path friend = home.resolve("friend");
        Process kg = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", friend.toString()).start();
        assertThat(kg.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Path allowed = home.resolve("allowed_keys");
        Files.writeString(allowed, "# only my friend\n" + Files.readString(home.resolve("friend.pub")));
        try (Tmux host = new Tmux(100, 30, tmate(home, "-F -a " + allowed))) {
            String lines = host.waitFor(WAIT, "the ssh line", s -> SSH_RW.matcher(s).find());
            assertThat(lines).doesNotContain("web session");
            Matcher rw = SSH_RW.matcher(lines);
            assertThat(rw.find()).isTrue();
            String base = "-tt -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "
                    + "-o IdentitiesOnly=yes -o IdentityAgent=none ";
            // The stranger's pane outlives its ssh, to keep what the relay told it on screen.
            try (Tmux stranger = new Tmux(100, 30, rw.group(1).replaceFirst("^ssh ", "ssh " + base + "-o PubkeyAuthentication=no ")
                    + "; echo ssh-ended; sleep 60");
                 Tmux mate = new Tmux(100, 30, rw.group(1).replaceFirst("^ssh ", "ssh " + base + "-i " + friend + " "))) {
                mate.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                mate.type("echo mate-$((5*5))");
                mate.sendKeys("Enter");
                mate.waitForText("mate-25");
                // The unlisted joiner is turned away with one clear line, and its ssh ends without showing the session.
                stranger.waitForText("This session is restricted to listed SSH keys");
                stranger.waitForText("ssh-ended");
                assertThat(stranger.capture()).doesNotContain("mate-25").doesNotContain("0:bash");
            }
        } finally {
            fixture.kit.shell(tmate(home, "kill-server") + " 2>/dev/null");
        }
    }

    private static String size(Path home) {
        try {
            return fixture.kit.shell(tmate(home, "display -p '#{window_width}x#{window_height}'")).trim();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void malformedHostDataEndsThatSessionOnlyAndTheRelayKeepsServing() throws Exception {
        Path home = fixture.kit.home("");
        Path out = home.resolve("raw.out");
        int port = fixture.kit.relaySshPort();
        // A hand-made host: a valid header and READY, then (after a joiner is in) a byte that is no msgpack type.
        String script = "{ printf '\\223\\000\\006\\2452.4.0\\221\\011'; sleep 6; printf '\\301'; sleep 5; } | "
                + "ssh -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "
                + "-i " + home.resolve("id_ed25519") + " -p " + port + " -s tmate@127.0.0.1 tmate > " + out;
        try (Tmux bad = new Tmux(80, 24, script)) {
            String[] token = new String[1];
            Ferry.waitUntil(WAIT, "the hand-made host's links", () -> {
                Matcher m = Pattern.compile("ssh -p\\d+ ([a-z0-9]{20,})@127\\.0\\.0\\.1").matcher(readLatin1(out));
                if (m.find()) token[0] = m.group(1);
                return token[0] != null;
            });
            try (Tmux joiner = ssh("ssh -p" + port + " " + token[0] + "@127.0.0.1", 80, 24)) {
                joiner.waitForText("[tmate]");
                joiner.waitFor(WAIT, "the session ending", s -> s.contains("session ended: the tmate host sent malformed data"));
            }
        }
        // The relay still serves tmate hosts.
        Path other = fixture.kit.home("");
        try (Tmux host = new Tmux(100, 30, tmate(other, "-F"))) {
            host.waitFor(WAIT, "the ssh line", s -> SSH_RW.matcher(s).find());
        } finally {
            fixture.kit.shell(tmate(other, "kill-server") + " 2>/dev/null");
        }
    }

    private static String readLatin1(Path p) {
        try {
            return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
