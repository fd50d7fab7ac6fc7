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

/** Copy mode driven by an SSH joiner of a stock tmate host: every joiner sees the host's scrolled view. */
class TmateCopyModeTest {
    private static final Pattern SSH_RW = Pattern.compile("(?m)^ssh session: (ssh -p\\d+ \\S+@127\\.0\\.0\\.1)$");
    private static final Pattern SSH_RO = Pattern.compile("(?m)^ssh session read only: (ssh -p\\d+ \\S+@127\\.0\\.0\\.1)$");
    private static final Pattern POSITION = Pattern.compile("\\[\\d+/\\d+]");

    @RegisterExtension static final TmateRelay fixture = new TmateRelay();

    private static boolean line(String screen, String text) {
        return screen.lines().anyMatch(l -> l.strip().equals(text));
    }

    @Test
    void aJoinersCopyModeScrollsTheHistoryForEveryone() throws Exception {
        Path home = fixture.kit.home("");
        try (Tmux host = new Tmux(200, 30, tmate(home, "-F"))) {
            String lines = host.waitFor(WAIT, "the ssh lines", s -> SSH_RW.matcher(s).find() && SSH_RO.matcher(s).find());
            try (Tmux joiner = ssh(find(SSH_RW, lines), 100, 30); Tmux viewer = ssh(find(SSH_RO, lines), 100, 30)) {
                joiner.waitFor(WAIT, "the status line and the shell's prompt", s -> s.contains("0:")
                        && s.lines().anyMatch(l -> l.endsWith("#") || l.endsWith("$")));
                joiner.type("seq 1 80");
                joiner.sendKeys("Enter");
                try {
                    viewer.waitFor(WAIT, "the end of seq", s -> line(s, "80"));
                } catch (AssertionError e) {
                    // Which side lost it: the host's own pane (did seq run?) and the joiner's view.
                    throw new AssertionError(e.getMessage() + "\nthe host's pane:\n" + fixture.kit.shell(tmate(home, "capture-pane -p"))
                            + "\nthe joiner's screen:\n" + joiner.capture(), e);
                }
                assertThat(line(viewer.capture(), "30")).isFalse();

                joiner.sendKeys("C-b", "[");
                joiner.sendKeys("PPage");
                String scrolled = viewer.waitFor(WAIT, "the scrolled copy-mode view", s -> line(s, "30") && POSITION.matcher(s).find());
                assertThat(line(scrolled, "80")).isFalse();
                joiner.waitFor(WAIT, "the same view for the joiner", s -> line(s, "30"));

                joiner.sendKeys("q");
                viewer.waitFor(WAIT, "the live pane again", s -> line(s, "80") && !POSITION.matcher(s).find());
            }
        } finally {
            fixture.kit.kill(home);
        }
    }
}
