package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry share} on a real terminal (tmux): the shell works as without Ferry, links shown, terminal restored. */
class ShareInteractiveTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @Test
    void sharedShellBehavesLikeTheShellAndTheTerminalIsRestored() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"));
             Tmux tmux = new Tmux(100, 30, "env PS1='outer$ ' sh")) {
            Path before = tmp.resolve("before"), after = tmp.resolve("after");
            tmux.waitForText("outer$");
            tmux.type("stty -g > " + before + "; env SHELL=/bin/sh PS1='shared$ ' " + Ferry.shellCommand("share", "--relay", relay.webBase()));
            tmux.sendKeys("Enter");
            String screen = tmux.waitFor(WAIT, "links and the shared shell's prompt",
                    s -> s.contains("web session read only:") && s.contains("\nshared$"));
            assertThat(screen).contains("web session: " + relay.webBase() + "/t/").contains("web session read only: " + relay.webBase() + "/t/ro-");

            tmux.type("echo $((6*7)) \"$FERRY_LINKS_FILE\"");
            tmux.sendKeys("Enter");
            tmux.waitFor(WAIT, "the shell's answer", s -> s.contains("\n42 /"));
            tmux.type("clear; " + Ferry.shellCommand("show-links") + "; stty size");
            tmux.sendKeys("Enter");
            screen = tmux.waitForText("30 100");
            assertThat(screen).as("ferry show-links prints them again").contains("web session read only: " + relay.webBase() + "/t/ro-");

            // The new size reaches the PTY asynchronously (SIGWINCH, as in any terminal): ask until it shows.
            tmux.resize(120, 40);
            long deadline = System.nanoTime() + WAIT.toNanos();
            do {
                tmux.type("clear; stty size");
                tmux.sendKeys("Enter");
                Thread.sleep(500);
            } while (!tmux.capture().contains("40 120") && System.nanoTime() < deadline);
            tmux.waitForText("40 120");

            // Someone joins: the notice shows on the host's last row, then the row is repainted.
            String roToken = screen.substring(screen.indexOf("/t/ro-") + 3).split("\\s")[0];
            try (WsPeer viewer = WsPeer.connect(relay.ws("/ws/join/" + roToken))) {
                viewer.await(Message.Snapshot.class, WAIT);
                String withNotice = tmux.waitFor(WAIT, "the join notice", s -> s.contains("ferry: joined read-only via web from 127.0.0.1"));
                String[] rows = withNotice.split("\n", -1);
                assertThat(rows[39]).as("drawn on the last row").contains("ferry: joined read-only via web from 127.0.0.1");
                assertThat(rows[0]).as("the screen above is untouched").contains("40 120");
                tmux.waitFor(Duration.ofSeconds(10), "the notice to go", s -> !s.contains("ferry: joined"));
                tmux.type("echo viewer-sees-$((1+1))");
                tmux.sendKeys("Enter");
                viewer.awaitText("viewer-sees-2", WAIT);
            }

            tmux.type("exit");
            tmux.sendKeys("Enter");
            tmux.waitForText("outer$");
            tmux.type("stty -g > " + after);
            tmux.sendKeys("Enter");
            Ferry.waitUntil(WAIT, "stty -g after", () -> Files.exists(after) && Ferry.read(after).endsWith("\n"));
            assertThat(Ferry.read(after)).as("terminal settings restored").isEqualTo(Ferry.read(before));
        }
    }
}
