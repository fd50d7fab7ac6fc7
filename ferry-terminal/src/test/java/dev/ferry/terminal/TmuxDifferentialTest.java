package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random streams written into a real tmux 3.3 pane and into a Terminal must leave the same
 * screen as {@code capture-pane -p -e} prints it, the same cursor and the same mode flags.
 */
class TmuxDifferentialTest {
    private static final int COLS = 40, ROWS = 12;
    private final String socket = "ferry-engine-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startServer() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux not installed");
        // a session that outlives the cases, so killing a case's session never stops the server
        run(List.of("new-session", "-d", "-s", "keep", "exec sleep 600"));
    }

    @AfterEach
    void killServer() throws Exception {
        run(List.of("kill-server"));
    }

    @Test
    void randomStreamsLeaveTheSameScreenAsTmux() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < Integer.getInteger("tmux.cases", 200); seed++) {
            byte[] stream = new StreamGen(seed, COLS, ROWS).next(80);
            String token = "sync-" + seed;
            byte[] sync = ("\033]2;" + token + "\007").getBytes(StandardCharsets.UTF_8);
            String session = "s" + seed;
            run(List.of("new-session", "-d", "-s", session, "-x", "" + COLS, "-y", "" + ROWS,
                    "stty raw -echo -opost; exec sleep 600"));
            String tty = waitFor(session, "#{pane_tty}", null);
            waitFor(session, "#{pane_current_command}", "sleep");
            Terminal t = new Terminal(COLS, ROWS);
            if (seed % 3 == 0) {
                // a resize in the middle: tmux reflows the main screen and moves rows to history
                byte[] pre = ("\033]2;pre-" + seed + "\007").getBytes(StandardCharsets.UTF_8);
                write(tty, stream, pre);
                waitFor(session, "#{pane_title}", "pre-" + seed);
                t.feed(stream);
                t.feed(pre);
                int cols = 10 + seed % 50, rows = 3 + seed % 17;
                run(List.of("resize-window", "-t", session, "-x", "" + cols, "-y", "" + rows));
                waitFor(session, "#{pane_width}x#{pane_height}", cols + "x" + rows);
                t.resize(cols, rows);
                stream = new StreamGen(seed + 100_000, cols, rows).next(20);
            }
            write(tty, stream, sync);
            waitFor(session, "#{pane_title}", token);
            t.feed(stream);
            t.feed(sync);
            String tmux = run(List.of("capture-pane", "-p", "-e", "-t", session));
            String flags = run(List.of("display", "-p", "-t", session,
                    "#{cursor_x},#{cursor_y} alt=#{alternate_on} kc=#{keypad_cursor_flag} kp=#{keypad_flag} "
                            + "cur=#{cursor_flag} ins=#{insert_flag} wrap=#{wrap_flag} org=#{origin_flag} "
                            + "reg=#{scroll_region_upper},#{scroll_region_lower} hist=#{history_size}"));
            Screen s = t.screen();
            String mine = s.cx + "," + s.cy + " alt=" + b(s.onAlt()) + " kc=" + b(s.cursorKeys) + " kp=" + b(s.keypad)
                    + " cur=" + b(s.cursorVisible) + " ins=" + b(s.insert) + " wrap=" + b(s.wrap) + " org=" + b(s.origin)
                    + " reg=" + s.top + "," + s.bottom + " hist=" + t.historySize() + "\n";
            if (!tmux.equals(t.ansiText()) || !flags.equals(mine)) {
                failures.add("seed " + seed + "\ntmux:\n" + tmux + flags + "mine:\n" + t.ansiText() + mine);
            }
            run(List.of("kill-session", "-t", session));
        }
        assertThat(failures).isEmpty();
    }

    private static String b(boolean v) { return v ? "1" : "0"; }

    private static void write(String tty, byte[] a, byte[] b) throws IOException {
        try (var out = Files.newOutputStream(Path.of(tty))) {
            out.write(a);
            out.write(b);
        }
    }

    private String waitFor(String session, String format, String want) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String got = "";
        while (System.nanoTime() < deadline) {
            got = run(List.of("display", "-p", "-t", session, format)).strip();
            if (want == null ? !got.isEmpty() : got.equals(want)) {
                return got;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("tmux never showed " + format + "=" + want + " (last: " + got + ")");
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("TMUX");
        pb.environment().put("SHELL", "/bin/sh");
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("tmux did not finish: " + cmd);
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }
}
