package dev.ferry.ftests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.asciicast.AsciicastWriter;
import dev.ferry.protocol.asciicast.Header;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry play} in a real terminal (a tmux pane): keys pause, step and quit; the terminal is put back. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PlayTest {
    private static final Pattern TICK = Pattern.compile("tick (\\d+)");

    @TempDir
    Path dir;

    private final String socket = "ferry-play-" + UUID.randomUUID().toString().substring(0, 8);
    private Path cast;

    @BeforeEach
    void recordTicks() throws IOException {
        cast = dir.resolve("ticks.cast");
        long[] now = {0};
        try (AsciicastWriter w = AsciicastWriter.create(cast, Header.of(80, 24), () -> now[0])) {
            for (int i = 0; i < 600; i++) { // a tick every 0.1 s for a minute
                now[0] += 100_000_000L;
                byte[] line = String.format("tick %03d ✓\r\n", i).getBytes(UTF_8);
                w.output(line, 0, line.length);
            }
        }
    }

    private String socketPath;

    @AfterEach
    void killTmux() throws Exception {
        tmux("kill-server");
        if (socketPath != null) {
            Files.deleteIfExists(Path.of(socketPath)); // kill-server leaves the socket file behind
        }
    }

    /** Starts ferry play in a fresh pane; afterwards the pane prints the exit status and saves `stty -a`. */
    private Path start() throws Exception {
        Path sttyAfter = dir.resolve("stty.after");
        String play = String.join(" ", PlayCli.ferryJar("play", cast.toString()).stream().map(a -> "'" + a + "'").toList());
        String script = play + "; echo EXIT=$?; stty -a > '" + sttyAfter + "'; sleep 120";
        // bash, not dash: dash dies of the Ctrl-C meant for ferry and the pane closes before it can say anything
        tmux("new-session", "-d", "-x", "80", "-y", "24", "bash", "-c", script);
        socketPath = tmux("display", "-p", "#{socket_path}").strip();
        waitFor("playback to start", s -> lastTick(s) >= 5, 60_000);
        return sttyAfter;
    }

    @Test
    void spacePausesDotStepsSpaceResumesAndQQuitsRestoringTheTerminal() throws Exception {
        Path sttyAfter = start();
        String playingModes = run("stty", "-a", "-F", tmux("display", "-p", "#{pane_tty}").strip());
        assertThat(playingModes).as("keys mode while playing").containsPattern("(^|\\s)-icanon(\\s|$)")
                .containsPattern("(^|\\s)-echo(\\s|$)");

        tmux("send-keys", "Space");
        Thread.sleep(400); // let a tick already on its way land
        String paused = capture();
        Thread.sleep(1500); // 15 ticks' worth of time
        assertThat(capture()).as("the screen stops changing while paused").isEqualTo(paused);
        int at = lastTick(paused);

        tmux("send-keys", ".");
        waitFor("one step", s -> lastTick(s) != at, 10_000);
        Thread.sleep(700);
        assertThat(lastTick(capture())).as("'.' shows exactly the next event and stays paused").isEqualTo(at + 1);

        tmux("send-keys", "Space");
        waitFor("playback to resume", s -> lastTick(s) >= at + 5, 10_000);

        long quitAt = System.nanoTime();
        tmux("send-keys", "q");
        waitFor("exit after q", s -> s.contains("EXIT=0"), 10_000);
        long quitMillis = (System.nanoTime() - quitAt) / 1_000_000;
        System.out.printf("ferry play: q to exit status on screen in %d ms%n", quitMillis);
        assertThat(quitMillis).as("q quits promptly").isLessThan(3_000);
        assertThat(lastTick(capture())).as("stopped long before the end").isLessThan(300);

        assertRestored(sttyAfter);
    }

    @Test
    void ctrlCStopsPlaybackAndRestoresTheTerminal() throws Exception {
        Path sttyAfter = start();
        tmux("send-keys", "C-c");
        waitFor("exit after Ctrl-C", s -> s.contains("EXIT=130"), 10_000);
        assertRestored(sttyAfter);
    }

    private void assertRestored(Path sttyAfter) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((!Files.exists(sttyAfter) || Files.size(sttyAfter) == 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String modes = Files.readString(sttyAfter);
        assertThat(modes).as("terminal modes after ferry play").containsPattern("(^|\\s)icanon(\\s|$)")
                .containsPattern("(^|\\s)echo(\\s|$)");
    }

    private static int lastTick(String screen) {
        int last = -1;
        for (Matcher m = TICK.matcher(screen); m.find(); ) {
            last = Math.max(last, Integer.parseInt(m.group(1)));
        }
        return last;
    }

    private String capture() throws Exception {
        return tmux("capture-pane", "-p");
    }

    private String waitFor(String what, Predicate<String> done, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        String screen = capture();
        while (!done.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
            }
            Thread.sleep(50);
            screen = capture();
        }
        return screen;
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", cmd) + " hung");
            }
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
