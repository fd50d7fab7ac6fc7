package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry relay} + {@code ferry share --headless}, joined with the stock OpenSSH client in tmux. */
class SshJoinTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final ClassRelay relay = new ClassRelay();

    @TempDir
    static Path tmp;

    /**
     * The link exactly as printed, plus what a test needs: a tty, no config, no host key prompt. When
     * ssh exits, the pane's shell prints its exit status: tmux 3.3 itself misses the exit of a pane's
     * process now and then (the pane's pty closes but the child stays an unreaped zombie and "Pane is
     * dead" never appears), so the test reads the status from the screen instead.
     */
    private static Tmux ssh(String link, int cols, int rows) throws Exception {
        assertThat(link).matches("ssh -p\\d+ \\S+@127\\.0\\.0\\.1");
        String cmd = link.replaceFirst("^ssh ", "ssh -tt -F /dev/null -o StrictHostKeyChecking=no "
                + "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o PubkeyAuthentication=no ");
        return new Tmux(cols, rows, cmd + "; echo \"[ssh exited with status $?]\"");
    }

    /** capture-pane trims trailing blanks, so the prompt "$ " shows as "$". */
    private static void prompt(Tmux t) throws Exception {
        t.waitFor(WAIT, "the shell's prompt", s -> s.lines().anyMatch(l -> l.equals("$")));
    }

    @Test
    void theRelayPrintsItsSshHostKeyFingerprint() throws Exception {
        // The banner is printed a line at a time; the relay counts as started once its web line is out.
        Ferry.waitUntil(Duration.ofSeconds(10), "the banner's ssh line", () -> relay.get().stdout().contains("ssh: port"));
        String banner = relay.get().stdout();
        assertThat(banner).containsPattern("ssh: port \\d+, host key SHA256:[A-Za-z0-9+/]{43} \\(ED25519\\)");
        String keygen = new String(new ProcessBuilder("ssh-keygen", "-l", "-f",
                relay.get().dataDir().resolve("ssh_host_ed25519_key").toString()).start().getInputStream().readAllBytes());
        assertThat(banner).contains("host key " + keygen.split(" ")[1]);
    }

    @Test
    void readWriteJoinersTypeIntoTheShellAndReadOnlyJoinersCannot() throws Exception {
        try (ShareProcess share = relay.share("env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i")) {
            try (Tmux rw = ssh(share.links().get("ssh session"), 100, 30);
                 Tmux ro = ssh(share.links().get("ssh session read only"), 100, 30)) {
                prompt(rw);
                prompt(ro);
                ro.type("echo from-ro-$((6*7))");
                ro.sendKeys("Enter");
                rw.type("echo from-rw-$((6*7))");
                rw.sendKeys("Enter");
                rw.waitForText("from-rw-42");
                ro.waitForText("from-rw-42");          // the watcher sees the writer's command run
                Thread.sleep(500);
                assertThat(rw.capture()).doesNotContain("from-ro");
                assertThat(ro.capture()).doesNotContain("from-ro");
                Ferry.waitUntil(WAIT, "join notices on the host's stderr", () ->
                        share.stderr().contains("joined read-write via ssh from 127.0.0.1")
                                && share.stderr().contains("joined read-only via ssh from 127.0.0.1"));
            }
        }
    }

    @Test
    void aLateJoinerSeesRunningTop() throws Exception {
        try (ShareProcess share = relay.share("top", "-d", "1")) {
            Thread.sleep(2000);   // top has drawn its screen before anyone joins
            try (Tmux ro = ssh(share.links().get("ssh session read only"), 80, 24)) {
                String screen = ro.waitFor(WAIT, "top's screen", s -> s.contains("load average") && s.contains("%CPU"));
                List<String> lines = screen.lines().toList();
                assertThat(lines.get(0)).startsWith("top - ");
                assertThat(lines).anyMatch(l -> l.matches("\\s*PID\\s+USER.*COMMAND\\s*"));
                assertThat(screen).doesNotContain("[ferry]");   // same size as the session: nothing cropped
            }
        }
    }

    @Test
    void aLateJoinerSeesRunningVimAndASmallerOneACroppedView() throws Exception {
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "first line of the notes\nsecond line\nthird line\n");
        try (ShareProcess share = relay.share("vim", "-u", "NONE", "-N", file.toString())) {
            Thread.sleep(2000);
            try (Tmux same = ssh(share.links().get("ssh session read only"), 80, 24);
                 Tmux small = ssh(share.links().get("ssh session read only"), 60, 20)) {
                String screen = same.waitFor(WAIT, "vim's screen", s -> s.contains("first line of the notes"));
                List<String> lines = screen.lines().toList();
                assertThat(lines.get(0)).isEqualTo("first line of the notes");
                assertThat(lines.get(1)).isEqualTo("second line");
                assertThat(lines.get(2)).isEqualTo("third line");
                assertThat(lines.subList(3, 23)).allMatch(l -> l.equals("~"));

                String cropped = small.waitForText("[ferry] view cropped: your 60x20 window, session is 80x24");
                assertThat(cropped.lines().toList().get(19)).startsWith("[ferry] view cropped");
            }
        }
    }

    @Test
    void whenTheHostsShellExitsSshJoinersSeeWhyAndAreDisconnected() throws Exception {
        try (ShareProcess share = relay.share("env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i")) {
            try (Tmux rw = ssh(share.links().get("ssh session"), 100, 30);
                 Tmux ro = ssh(share.links().get("ssh session read only"), 70, 20)) {
                prompt(rw);
                prompt(ro);
                rw.type("exit 3");
                rw.sendKeys("Enter");
                for (Tmux t : List.of(rw, ro)) {
                    String screen = t.waitFor(WAIT, "ssh's exit", s -> s.contains("[ssh exited with status"));
                    assertThat(screen).contains("[ferry] session ended: the host's command exited (status 3)")
                            .contains("[ssh exited with status 0]");
                }
                share.waitFor(WAIT);
            }
        }
    }
}
