package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The browser page (xterm.js) in headless Chromium against a real relay and a real {@code ferry share --headless}. */
class BrowserJoinTest {
    private static final int LIMIT = 120;

    @RegisterExtension
    static final ClassRelay relay = new ClassRelay();

    @TempDir
    static Path tmp;

    private static void assertOk(BrowserDriver.Result r) {
        assertThat(r.ok()).as("browser driver report: %s", r.report()).isTrue();
    }

    @Test
    void readWritePageTypesIntoTheHostShell() throws Exception {
        try (ShareProcess share = relay.share("bash", "--norc")) {
            Path shot = tmp.resolve("session.png");
            BrowserDriver.Result r = new BrowserDriver()
                    .open("rw", share.links().get("web session"))
                    .waitState("rw", "live")
                    .expectBadge("rw", false)
                    .waitPrompt("rw")
                    .type("rw", "echo $((6*7))").press("rw", "Enter")
                    .waitLine("rw", "42")
                    .expectInputFramesAtLeast("rw", 1)
                    .screenshot("rw", shot)
                    .run(tmp, LIMIT);
            assertOk(r);
            assertThat(Files.size(shot)).isPositive();
            String keep = System.getProperty("ferry.screenshot");  // -Dferry.screenshot=/tmp/x.png to look at it
            if (keep != null) Files.copy(shot, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void readOnlyPageShowsTheBadgeAndSendsNoInput() throws Exception {
        try (ShareProcess share = relay.share("bash", "--norc")) {
            BrowserDriver.Result r = new BrowserDriver()
                    .open("ro", share.links().get("web session read only"))
                    .waitState("ro", "live")
                    .expectBadge("ro", true)
                    .waitPrompt("ro")
                    .type("ro", "echo ro-typed-$((3*5))").press("ro", "Enter")
                    .sleep(1500)
                    .open("rw", share.links().get("web session"))
                    .waitPrompt("rw")
                    // The read-write page proves the session is live and that typed text would show up.
                    .type("rw", "echo rw-$((2+3))").press("rw", "Enter")
                    .waitLine("rw", "rw-5")
                    .waitLine("ro", "rw-5")
                    .expectNoText("rw", "ro-typed")
                    .expectNoText("ro", "ro-typed")
                    .expectInputFrames("ro", 0)
                    .expectInputFramesAtLeast("rw", 1)
                    .run(tmp, LIMIT);
            assertOk(r);
            assertThat(r.report()).contains("\"readOnly\":true");
        }
    }

    @Test
    void aProgramsQueryGetsOneAnswerHoweverManyPagesAreJoined() throws Exception {
        // The headless host's engine answers; two read-write pages must not add answers of their own.
        String script = "echo ready; read go; stty raw -echo; printf '\\033[6n'; sleep 1; r=; "
                + "while IFS= read -r -s -n1 -t 0.5 c; do r=\"$r$c\"; done; stty sane; echo; "
                + "echo \"answers=$(printf '%s' \"$r\" | tr -cd R | wc -c)\"; exec sleep 30";
        try (ShareProcess share = relay.share("bash", "-c", script)) {
            BrowserDriver.Result r = new BrowserDriver()
                    .open("a", share.links().get("web session"))
                    .open("b", share.links().get("web session"))
                    .waitLine("a", "ready")
                    .waitLine("b", "ready")
                    .type("a", "go").press("a", "Enter")
                    .waitRegex("a", "^answers=\\d+")
                    .waitLine("a", "answers=1")
                    .run(tmp, LIMIT);
            assertOk(r);
        }
    }

    @Test
    void lateJoinerSeesTheRunningTopScreen() throws Exception {
        try (ShareProcess share = relay.share("top", "-d", "1")) {
            Thread.sleep(2000);  // top has drawn before the page exists
            BrowserDriver.Result r = new BrowserDriver()
                    .open("ro", share.links().get("web session read only"))
                    .waitText("ro", "load average")
                    .waitRegex("ro", "PID\\s+USER")
                    .run(tmp, LIMIT);
            assertOk(r);
        }
    }

    @Test
    void hostExitShowsTheReason() throws Exception {
        try (ShareProcess share = relay.share("sh", "-c", "echo ready-to-go; read line; exit 3")) {
            BrowserDriver.Result r = new BrowserDriver()
                    .open("ro", share.links().get("web session read only"))
                    .open("rw", share.links().get("web session"))
                    .waitText("ro", "ready-to-go")
                    .waitText("rw", "ready-to-go")
                    .type("rw", "x").press("rw", "Enter")
                    .waitState("ro", "ended")
                    .waitReason("ro", "the host's command exited (status 3)")
                    .waitReason("rw", "the host's command exited (status 3)")
                    .run(tmp, LIMIT);
            assertOk(r);
            assertThat(r.report()).contains("\"endedVisible\":true").contains("Session ended");
        }
    }

    @Test
    void unknownTokenShowsTheError() throws Exception {
        BrowserDriver.Result r = new BrowserDriver()
                .open("bad", relay.get().webBase() + "/t/" + Tokens.readWrite())
                .waitState("bad", "error")
                .waitReason("bad", "Invalid or expired session token")
                .run(tmp, LIMIT);
        assertOk(r);
        assertThat(r.report()).contains("\"endedVisible\":true").contains("Cannot join");
    }
}
