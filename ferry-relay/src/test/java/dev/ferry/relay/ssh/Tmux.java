package dev.ferry.relay.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server (its own socket) running one command in a window of a fixed size: the
 * real terminal a stock client draws into. Every wait is bounded; close() kills the server.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "ferry-" + UUID.randomUUID().toString().substring(0, 8);
    private boolean started;

    /** Starts {@code command} (a shell command line) in a cols x rows window. */
    void start(int cols, int rows, String command) throws IOException, InterruptedException {
        run("new-session", "-d", "-x", String.valueOf(cols), "-y", String.valueOf(rows), command + "; echo \"[exit $?]\"; sleep 600");
        started = true;
    }

    /** Types literal text (no key names). */
    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-l", text);
    }

    /** Sends tmux key names (Enter, C-c, ...). */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    void resize(int cols, int rows) throws IOException, InterruptedException {
        run("resize-window", "-x", String.valueOf(cols), "-y", String.valueOf(rows));
    }

    /** The pid of the ssh client running in the window (a child of the window's shell). */
    long sshPid() throws IOException, InterruptedException {
        long shell = Long.parseLong(run("display-message", "-p", "#{pane_pid}").trim());
        return ProcessHandle.of(shell).orElseThrow().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
                .findFirst().orElseThrow(() -> new IOException("no ssh under pid " + shell)).pid();
    }

    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p");
    }

    /** Polls the screen until it matches or the deadline passes; fails with the last screen. */
    String await(Duration timeout, String what, Predicate<String> ok) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String screen = screen();
        while (!ok.test(screen)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; screen was:\n" + screen);
            }
            Thread.sleep(50);
            screen = screen();
        }
        return screen;
    }

    String awaitText(String text) throws IOException, InterruptedException {
        return await(Duration.ofSeconds(15), "'" + text + "'", s -> s.contains(text));
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tmux " + args[0] + " hung");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (started) {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
