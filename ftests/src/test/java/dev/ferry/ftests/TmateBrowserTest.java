package dev.ferry.ftests;

import static dev.ferry.ftests.TmateKit.WAIT;
import static dev.ferry.ftests.TmateKit.find;
import static dev.ferry.ftests.TmateKit.ssh;
import static dev.ferry.ftests.TmateKit.tmate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser joiners (headless Chromium, the relay's page) of a stock tmate host, beside an OpenSSH joiner. */
class TmateBrowserTest {
    private static final Pattern SSH_RO = Pattern.compile("(?m)^ssh session read only: (ssh -p\\d+ \\S+@127\\.0\\.0\\.1)$");
    private static final Pattern WEB_RW = Pattern.compile("(?m)^web session: (http\\S+)$");
    private static final Pattern WEB_RO = Pattern.compile("(?m)^web session read only: (http\\S+)$");

    @TempDir static Path tmp;
    static RelayProcess relay;
    static TmateKit kit;

    @BeforeAll
    static void start() throws Exception {
        relay = RelayProcess.start(tmp.resolve("relay"));
        kit = TmateKit.forRelay(tmp, relay);
    }

    @AfterAll
    static void stop() {
        if (relay != null) relay.close();
    }

    @Test
    void aBrowserTypesIntoTheTmateSessionAndSeesItsPanesLaidOut() throws Exception {
        Path home = kit.home("");
        try (Tmux host = new Tmux(200, 30, tmate(home, "-F"))) {
            String lines = host.waitFor(WAIT, "the links", s -> WEB_RW.matcher(s).find() && SSH_RO.matcher(s).find());
            try (Tmux viewer = ssh(find(SSH_RO, lines), 100, 30)) {
                viewer.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                // A split made on the host: the browser shows both panes with the border between them.
                kit.shell(tmate(home, "split-window -h"));
                viewer.waitForText("│");
                BrowserDriver.Result r = new BrowserDriver()
                        .open("rw", find(WEB_RW, lines))
                        .open("ro", find(WEB_RO, lines))
                        .waitState("rw", "live")
                        .waitState("ro", "live")
                        .waitText("rw", "│")
                        .waitText("rw", "0:")
                        .type("rw", "echo web-$((6*7))").press("rw", "Enter")
                        .waitText("rw", "web-42")
                        .waitText("ro", "web-42")
                        .type("ro", "echo ro-typed").press("ro", "Enter")
                        .sleep(700)
                        .expectNoText("rw", "ro-typed")
                        .run(tmp, 120);
                assertThat(r.ok()).as("browser driver report: %s", r.report()).isTrue();
                viewer.waitForText("web-42");
                assertThat(viewer.capture()).doesNotContain("ro-typed");
            }
        } finally {
            kit.kill(home);
        }
    }
}
