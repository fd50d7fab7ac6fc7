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

/** Browser joiners (headless Chromium, the relay's page) of a stock tmate host, beside an OpenSSH joiner. */
class TmateBrowserTest {
    private static final Pattern SSH_RO = Pattern.compile("(?m)^ssh session read only: (ssh -p\\d+ \\S+@127\\.0\\.0\\.1)$");
    private static final Pattern WEB_RW = Pattern.compile("(?m)^web session: (http\\S+)$");
    private static final Pattern WEB_RO = Pattern.compile("(?m)^web session read only: (http\\S+)$");

    @RegisterExtension static final TmateRelay fixture = new TmateRelay();

    /** The page's panes that are shown, left to right. */
    private static final String SHOWN = "window.ferry.panes().filter(p => p.visible).sort((a, b) => a.left - b.left)";

    @Test
    void aBrowserShowsEachPaneInItsOwnTerminalTypesIntoItAndPicksPanesAndWindows() throws Exception {
        Path home = fixture.kit.home("");
        try (Tmux host = new Tmux(200, 30, tmate(home, "-F"))) {
            String lines = host.waitFor(WAIT, "the links", s -> WEB_RW.matcher(s).find() && SSH_RO.matcher(s).find());
            try (Tmux viewer = ssh(find(SSH_RO, lines), 100, 30)) {
                viewer.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                // A split made on the host: the browser shows two terminals side by side, the border between them.
                fixture.kit.shell(tmate(home, "split-window -h"));
                viewer.waitForText("│");
                BrowserDriver.Result r = new BrowserDriver()
                        .open("rw", find(WEB_RW, lines))
                        .open("ro", find(WEB_RO, lines))
                        .waitState("rw", "live")
                        .waitState("ro", "live")
                        .waitJs("rw", "window.ferry.mode === 'panes' && " + SHOWN + ".length === 2")
                        .waitJs("ro", "window.ferry.mode === 'panes' && " + SHOWN + ".length === 2")
                        // Laid out as the host has them: same row, the left one ends before the right one starts
                        // (the border column), together as wide as the window; tmux's status line with the window list.
                        .waitJs("rw", "(([a, b]) => a.top === b.top && a.left + a.width < b.left && a.cols + 1 + b.cols === window.ferry.cols"
                                + " && !a.active && b.active)(" + SHOWN + ")")
                        .waitJs("rw", "/0:\\S*\\*/.test(window.ferry.status())")
                        // Typing goes to the host's active pane (the right one, the split's new pane) and only there.
                        .type("rw", "echo web-$((6*7))").press("rw", "Enter")
                        .waitJs("rw", SHOWN + "[1].text.includes('web-42') && !" + SHOWN + "[0].text.includes('web-42')")
                        .waitJs("ro", SHOWN + "[1].text.includes('web-42')")
                        // Clicking the left pane makes it the host's active pane; typing follows.
                        .click("rw", "#panes .pane:not(.active):not([hidden])")
                        .waitJs("rw", SHOWN + "[0].active")
                        .type("rw", "echo left-$((2*3))").press("rw", "Enter")
                        .waitJs("rw", SHOWN + "[0].text.includes('left-6') && !" + SHOWN + "[1].text.includes('left-6')")
                        // A read-only page can neither type nor pick a pane.
                        .click("ro", "#panes .pane:not(.active):not([hidden])")
                        .type("ro", "echo ro-typed").press("ro", "Enter")
                        .sleep(700)
                        .expectFrames("ro", 4, 0)
                        .expectFrames("ro", 15, 0)
                        .expectNoText("rw", "ro-typed")
                        .waitJs("rw", SHOWN + "[0].active")
                        .run(fixture.tmp, 120);
                assertThat(r.ok()).as("browser driver report: %s", r.report()).isTrue();
                viewer.waitForText("web-42");
                viewer.waitForText("left-6");
                assertThat(viewer.capture()).doesNotContain("ro-typed");

                // A new window on the host: its one pane replaces the two, and the status line lists both windows.
                fixture.kit.shell(tmate(home, "new-window"));
                BrowserDriver.Result next = new BrowserDriver()
                        .open("rw", find(WEB_RW, lines))
                        .waitJs("rw", "window.ferry.mode === 'panes' && " + SHOWN + ".length === 1 && window.ferry.panes().length === 3")
                        .waitJs("rw", "/0:\\S* 1:\\S*\\*/.test(window.ferry.status())")
                        .type("rw", "echo second-$((3*3))").press("rw", "Enter")
                        .waitJs("rw", SHOWN + "[0].text.includes('second-9')")
                        .run(fixture.tmp, 120);
                assertThat(next.ok()).as("browser driver report: %s", next.report()).isTrue();
                viewer.waitForText("second-9");
            }
        } finally {
            fixture.kit.kill(home);
        }
    }
}
