package dev.ferry.relay.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.relay.hub.HubLimits;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Session;
import dev.ferry.terminal.Terminal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stock-ssh joiners see and what their keys and windows do, against a real hub session. */
class SshRenderedJoinTest {
    @TempDir
    Path dir;

    private SshFixture relay;
    private final List<Tmux> terminals = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        relay = new SshFixture(dir.resolve("data"));
    }

    @AfterEach
    void stop() throws Exception {
        for (Tmux t : terminals) t.close();
        relay.close();
    }

    private Tmux join(String token, int cols, int rows) throws Exception {
        Tmux t = new Tmux();
        terminals.add(t);
        t.start(cols, rows, relay.sshLine(token));
        return t;
    }

    @Test
    void readWriteJoinerSeesTheScreenAndItsKeysReachTheSource() throws Exception {
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        source.output("\033[2J\033[Hhost says hi\r\n$ ");
        Tmux rw = join(session.readWriteToken(), 100, 30);
        rw.awaitText("host says hi");
        rw.type("echo typed-by-rw");
        TestSource.await(Duration.ofSeconds(10), "rw input at the source", source::input, i -> i.contains("echo typed-by-rw"));
        String screen = rw.awaitText("$ echo typed-by-rw");   // echoed by the source, rendered back
        assertThat(screen).doesNotContain("[ferry]");          // a bigger window: no status line
        assertThat(source.notices).anyMatch(n -> n.startsWith("joined read-write via ssh from 127.0.0.1"));
    }

    @Test
    void readOnlyKeysNeverReachTheSourceAndItsWindowNeverSizesTheSession() throws Exception {
        TestSource source = new TestSource();
        // Under SMALLEST_WRITER joiners' windows do size the session, so a read-only one must be ignored.
        Session session = relay.open(source, 80, 24, ResizePolicy.SMALLEST_WRITER);
        source.output("shared screen\r\n");
        Tmux ro = join(session.readOnlyToken(), 61, 21);
        ro.awaitText("shared screen");
        Tmux rw = join(session.readWriteToken(), 100, 30);
        rw.awaitText("shared screen");

        ro.type("ro-typed");
        ro.keys("Enter", "C-c", "C-d");
        rw.type("rw-typed");
        TestSource.await(Duration.ofSeconds(10), "rw input", source::input, i -> i.contains("rw-typed"));
        ro.awaitText("rw-typed");        // the read-only joiner watches the writer type
        Thread.sleep(300);               // give stray read-only input time to (wrongly) arrive
        assertThat(source.input()).isEqualTo("rw-typed");

        ro.resize(62, 22);
        ro.awaitText("your 62x22 window");   // the read-only joiner's window change was taken
        rw.resize(90, 28);
        TestSource.await(Duration.ofSeconds(10), "rw resize", () -> List.copyOf(source.resizes), r -> r.contains("90x28"));
        assertThat(source.resizes).allMatch(r -> r.equals("100x30") || r.equals("90x28"));
    }

    @Test
    void aSmallerJoinerSeesACroppedViewAndSaysSo() throws Exception {
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        StringBuilder screen = new StringBuilder("\033[2J\033[H");
        for (int i = 1; i <= 23; i++) {
            screen.append(String.format("line%02d", i)).append(i == 1 ? " ".repeat(62) + "far-right" : "").append("\r\n");
        }
        source.output(screen.append("\033[H").toString());   // cursor home: the view keeps the cursor in sight
        Tmux small = join(session.readWriteToken(), 60, 20);
        String seen = small.awaitText("[ferry] view cropped: your 60x20 window, session is 80x24");
        List<String> lines = seen.lines().toList();
        assertThat(lines.get(19)).startsWith("[ferry] view cropped: your 60x20 window, session is 80x24");
        assertThat(lines.get(0)).startsWith("line01").doesNotContain("far-right");
        assertThat(lines).allMatch(l -> l.length() <= 60);

        small.resize(100, 30);
        String big = small.await(Duration.ofSeconds(15), "uncropped view", s -> s.contains("far-right") && !s.contains("[ferry]"));
        assertThat(big.lines().toList().get(22)).startsWith("line23");
    }

    @Test
    void aLateJoinerSeesExactlyTheScreenModel() throws Exception {
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        // A full-screen program's output: alternate screen, absolute moves, colours, a box, a partial redraw.
        String app = "\033[?1049h\033[2J\033[H\033[1;44m top - 12:00:00 up 1 day \033[0m\r\n"
                + "\033[3;5H\033[31mred\033[0m and \033[1mbold\033[0m"
                + "\033[5;1H┌──────┐\r\n│ box  │\r\n└──────┘"
                + "\033[10;20Hmiddle\033[10;20Hcentre"
                + "\033[24;1Hlast row\033[2;1H";
        byte[] bytes = app.getBytes(StandardCharsets.UTF_8);
        source.output(app);
        Terminal model = new Terminal(80, 24, 0);
        model.feed(bytes);
        List<String> expected = model.text().lines().toList();

        Tmux late = join(session.readOnlyToken(), 80, 24);
        String seen = late.await(Duration.ofSeconds(15), "the app's screen", s -> s.contains("last row") && s.contains("centre"));
        assertThat(seen.lines().limit(24).map(String::stripTrailing).toList())
                .isEqualTo(pad(expected, 24));
    }

    @Test
    void whenTheSessionEndsJoinersSeeWhyAndDisconnect() throws Exception {
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        source.output("about to end\r\n");
        Tmux rw = join(session.readWriteToken(), 100, 30);
        Tmux ro = join(session.readOnlyToken(), 70, 20);
        rw.awaitText("about to end");
        ro.awaitText("about to end");
        source.output("$ exit 3\r\nexit\r\n");
        rw.awaitText("exit 3");
        session.end("host exited");
        for (Tmux t : List.of(rw, ro)) {
            String screen = t.awaitText("[exit ");
            assertThat(screen).contains("[ferry] session ended: host exited").contains("[exit 0]");
        }
        // The taller window shows the whole last screen, the reason on the row below it.
        List<String> lines = rw.screen().lines().toList();
        assertThat(lines.subList(0, 3)).containsExactly("about to end", "$ exit 3", "exit");
        assertThat(lines.get(24)).isEqualTo("[ferry] session ended: host exited");
    }

    @Test
    void aStalledJoinerSlowsNobody() throws Exception {
        TestSource source = new TestSource();
        Session session = relay.open(source, 80, 24, ResizePolicy.HOST);
        source.output("start\r\n");
        Tmux stalled = join(session.readOnlyToken(), 80, 24);
        Tmux live = join(session.readOnlyToken(), 80, 24);
        stalled.awaitText("start");
        live.awaitText("start");
        long sshPid = stalled.sshPid();
        signal("STOP", sshPid);
        try {
            // 20 MB of output while one joiner's ssh reads nothing at all.
            String line = "x".repeat(99) + "\n";
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < 100; i++) chunk.append(line);
            byte[] block = chunk.toString().getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                session.output(block, 0, block.length);
            }
            source.output("\r\nfinal-marker\r\n");
            long feedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            live.awaitText("final-marker");
            assertThat(feedMillis).as("feeding 20 MB must not wait for a stalled joiner").isLessThan(30_000);
        } finally {
            signal("CONT", sshPid);
        }
        stalled.awaitText("final-marker");   // once it reads again, it gets the newest screen
    }

    @Test
    void theHubCutsOffAJoinerThatStaysStalled() throws Exception {
        relay.close();
        relay = new SshFixture(dir.resolve("data"), new dev.ferry.relay.auth.FailureLimiter(),
                new HubLimits(1 << 20, Duration.ofSeconds(1), 0));
        TestSource source = new TestSource();
        Session session = relay.open(source, 200, 60, ResizePolicy.HOST);
        source.output("start\r\n");
        Tmux stalled = join(session.readOnlyToken(), 200, 60);
        Tmux live = join(session.readWriteToken(), 80, 24);
        stalled.awaitText("start");
        live.awaitText("start");
        long sshPid = stalled.sshPid();
        signal("STOP", sshPid);
        try {
            // Keep the whole screen changing until the stopped client's SSH window and socket
            // buffers are full and its writer can make no progress.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (int i = 0; session.participantCount() > 1 && System.nanoTime() < end; i++) {
                String row = String.format("%08d", i).repeat(24) + "\r\n";
                source.output(row.repeat(60));
                Thread.sleep(2);
            }
            assertThat(session.participantCount()).as("the stalled joiner was dropped").isEqualTo(1);
            source.output("\033[H\033[2Jstill-live\r\n");
            live.awaitText("still-live");
        } finally {
            signal("CONT", sshPid);
        }
        // Either its writer was stuck and the connection was cut (ssh exits 255), or the writer got
        // a turn and said why before closing.
        String screen = stalled.awaitText("[exit ");
        assertThat(screen).satisfiesAnyOf(
                s -> assertThat(s).contains("[exit 255]"),
                s -> assertThat(s).contains("[ferry] disconnected: too slow").contains("[exit 1]"));
    }

    private static void signal(String sig, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).start().waitFor(5, TimeUnit.SECONDS);
    }

    private static List<String> pad(List<String> lines, int n) {
        List<String> out = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (out.size() < n) out.add("");
        return out.subList(0, n);
    }
}
