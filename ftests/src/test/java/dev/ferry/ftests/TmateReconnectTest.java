package dev.ferry.ftests;

import static dev.ferry.ftests.TmateKit.WAIT;
import static dev.ferry.ftests.TmateKit.find;
import static dev.ferry.ftests.TmateKit.ssh;
import static dev.ferry.ftests.TmateKit.tmate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stock tmate host whose connection drops (a loopback proxy the test cuts) reconnects to the
 * same session: same links, joiners stay, and the snapshot it resends repairs the panes. Also
 * joiners of an interactive (not {@code -F}) host, whose first pane starts in tmate's Tip screen.
 */
class TmateReconnectTest {
    private static final Pattern SSH_RW = Pattern.compile("(?m)^ssh session: (ssh -p\\d+ \\S+@127\\.0\\.0\\.1)$");
    private static final Pattern SSH_RO = Pattern.compile("(?m)^ssh session read only: (ssh -p\\d+ \\S+@127\\.0\\.0\\.1)$");
    private static final Pattern WEB_RO = Pattern.compile("(?m)^web session read only: (http\\S+)$");

    @RegisterExtension static final TmateRelay fixture = new TmateRelay();

    @Test
    void aDroppedHostComesBackToTheSameSessionAndItsSnapshotRepairsThePane() throws Exception {
        try (TcpProxy proxy = new TcpProxy(fixture.kit.relaySshPort())) {
            Path home = fixture.kit.home("set -g tmate-server-port " + proxy.port() + "\n");
            try (Tmux host = new Tmux(200, 60, tmate(home, "-F"))) {
                String lines = host.waitFor(WAIT, "the links", s -> SSH_RW.matcher(s).find() && SSH_RO.matcher(s).find()
                        && WEB_RO.matcher(s).find());
                String rw = find(SSH_RW, lines), ro = find(SSH_RO, lines);
                try (Tmux joiner = ssh(rw, 100, 30); Tmux viewer = ssh(ro, 100, 30)) {
                    joiner.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                    viewer.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                    joiner.type("echo before-$((6*7))");
                    joiner.sendKeys("Enter");
                    viewer.waitForText("before-42");

                    proxy.cut();
                    viewer.waitForText("the tmate host lost its connection");
                    // Output the relay cannot see: typed into the host's pane while its link is down.
                    fixture.kit.shell(tmate(home, "send-keys 'echo during-$((6*7))' Enter"));
                    Ferry.waitUntil(WAIT, "the host's own pane to show it", () -> {
                        try {
                            return fixture.kit.shell(tmate(home, "capture-pane -p")).contains("during-42");
                        } catch (Exception e) {
                            return false;
                        }
                    });
                    assertThat(viewer.capture()).doesNotContain("during-42");

                    proxy.restore();
                    host.waitForText("Reconnected");
                    // The snapshot the host resends repairs the pane for joiners who never left.
                    viewer.waitForText("during-42");
                    joiner.waitForText("during-42");
                    // So does the pane a browser is shown: the relay's model of the pane was started over too.
                    BrowserDriver.Result page = new BrowserDriver()
                            .open("ro", find(WEB_RO, lines))
                            .waitJs("ro", "window.ferry.mode === 'panes' && window.ferry.panes().length === 1"
                                    + " && window.ferry.panes()[0].text.includes('during-42')")
                            .run(fixture.tmp, 60);
                    assertThat(page.ok()).as("browser driver report: %s", page.report()).isTrue();
                    assertThat(proxy.accepted()).isGreaterThanOrEqualTo(2);
                    assertThat(fixture.kit.shell(tmate(home, "display -p '#{tmate_ssh}'")).trim()).isEqualTo(rw);
                    assertThat(fixture.kit.shell(tmate(home, "display -p '#{tmate_ssh_ro}'")).trim()).isEqualTo(ro);

                    // Keys flow over the new connection, and the same links still let people in.
                    joiner.type("echo after-$((6*7))");
                    joiner.sendKeys("Enter");
                    viewer.waitForText("after-42");
                    try (Tmux late = ssh(ro, 100, 30)) {
                        late.waitForText("after-42");
                        late.waitForText("during-42");
                    }

                    // A silent drop: the relay's side of the old connection stays open when the host dials
                    // again; the new connection takes the session over and the old one is let go.
                    proxy.abandonClientSide();
                    host.waitFor(WAIT, "a second reconnection", s -> s.split("Reconnected", -1).length - 1 >= 2);
                    joiner.type("echo again-$((6*7))");
                    joiner.sendKeys("Enter");
                    viewer.waitForText("again-42");
                    assertThat(fixture.kit.shell(tmate(home, "display -p '#{tmate_ssh}'")).trim()).isEqualTo(rw);
                }
            } finally {
                fixture.kit.kill(home);
            }
        }
    }

    @Test
    void aHostThatStaysAwayLongerThanTheConfiguredGracePeriodEndsItsSession() throws Exception {
        try (RelayProcess quick = RelayProcess.start(fixture.tmp.resolve("quick-relay"), java.util.Map.of("FERRY_TMATE_GRACE", "2"))) {
            java.nio.file.Files.createDirectories(fixture.tmp.resolve("quick"));
            TmateKit quickKit = TmateKit.forRelay(fixture.tmp.resolve("quick"), quick);
            TcpProxy proxy = new TcpProxy(quickKit.relaySshPort());
            Path home = quickKit.home("set -g tmate-server-port " + proxy.port() + "\n");
            try (Tmux host = new Tmux(100, 30, tmate(home, "-F"))) {
                String lines = host.waitFor(WAIT, "the ssh lines", s -> SSH_RO.matcher(s).find());
                try (Tmux viewer = ssh(find(SSH_RO, lines), 100, 30)) {
                    viewer.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                    proxy.cut();
                    viewer.waitForText("waiting up to 2 s for it to reconnect");
                    viewer.waitForText("session ended: the tmate host did not reconnect within 2 s");
                }
            } finally {
                quickKit.kill(home);
                proxy.close();
            }
        }
    }

    @Test
    void joinersOfAnInteractiveHostLeaveTheTipScreenAndShareTheShell() throws Exception {
        Path home = fixture.kit.home("");
        try (Tmux host = new Tmux(100, 30, tmate(home, ""))) {
            String[] links = new String[2];
            Ferry.waitUntil(WAIT, "the links in tmate's environment", () -> {
                try {
                    links[0] = fixture.kit.shell(tmate(home, "display -p '#{tmate_ssh}'")).trim();
                    links[1] = fixture.kit.shell(tmate(home, "display -p '#{tmate_ssh_ro}'")).trim();
                } catch (Exception e) {
                    return false;
                }
                return links[0].startsWith("ssh -p") && links[1].startsWith("ssh -p");
            });
            try (Tmux joiner = ssh(links[0], 100, 30); Tmux viewer = ssh(links[1], 100, 30)) {
                // The host's first pane starts in tmate's Tip screen (copy mode): joiners see it too.
                joiner.waitForText("Tip: if you wish to use tmate only for remote access");
                viewer.waitForText("Tip: if you wish to use tmate only for remote access");
                fixture.kit.waitForMessage(home, "[tmate] A mate has joined (127.0.0.1) -- 2 clients currently connected");
                // A read-only q does nothing; the read-write joiner's q leaves the Tip screen on the host.
                viewer.sendKeys("q");
                Thread.sleep(700);
                assertThat(host.capture()).contains("Tip: if you wish to use tmate only for remote access");
                joiner.sendKeys("q");
                host.waitFor(WAIT, "the shell instead of the Tip", s -> !s.contains("Tip: if you wish"));
                joiner.type("echo remote-$((6*7))");
                joiner.sendKeys("Enter");
                host.waitForText("remote-42");
                viewer.waitForText("remote-42");
                host.type("echo local-$((3*3))");
                host.sendKeys("Enter");
                joiner.waitForText("local-9");
                viewer.waitForText("local-9");
            }
            fixture.kit.waitForMessage(home, "[tmate] A mate has left (127.0.0.1) -- 1 client currently connected");
            fixture.kit.waitForMessage(home, "[tmate] A mate has left (127.0.0.1) -- 0 client currently connected");
        } finally {
            fixture.kit.kill(home);
        }
    }
}
