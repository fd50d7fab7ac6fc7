package dev.ferry.ftests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server (its own socket, {@code -L ferry-<random>}) with one window of a fixed size:
 * a real terminal to drive interactive programs with send-keys and read with capture-pane.
 */
public final class Tmux implements AutoCloseable {
    private final String socket = "ferry-" + UUID.randomUUID().toString().substring(0, 8);

    /** Starts {@code shellCommand} (run by sh) in a new detached session of cols x rows. */
    public Tmux(int cols, int rows, String shellCommand) throws IOException {
        run("new-session", "-d", "-s", "t", "-x", String.valueOf(cols), "-y", String.valueOf(rows), shellCommand);
        run("set-option", "-t", "t", "remain-on-exit", "on");
    }

    /** Keys as tmux names them ("Enter", "C-c") or literal words. */
    public void sendKeys(String... keys) throws IOException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** Types text literally (no key-name lookup). */
    public void type(String text) throws IOException {
        run("send-keys", "-t", "t", "-l", text);
    }

    /** The visible screen, like capture-pane -p. */
    public String capture() throws IOException {
        return run("capture-pane", "-p", "-t", "t");
    }

    /** Waits until the screen satisfies the condition; returns that screen. */
    public String waitFor(Duration timeout, String what, Predicate<String> condition) throws IOException {
        String[] last = {""};
        try {
            Ferry.waitUntil(timeout, what, () -> {
                try {
                    last[0] = capture();
                } catch (IOException e) {
                    return false;
                }
                return condition.test(last[0]);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; screen was:\n" + last[0]);
        }
        return last[0];
    }

    public String waitForText(String text) throws IOException {
        return waitFor(Duration.ofSeconds(20), "'" + text + "' on screen", s -> s.contains(text));
    }

    public void resize(int cols, int rows) throws IOException {
        run("resize-window", "-t", "t", "-x", String.valueOf(cols), "-y", String.valueOf(rows));
    }

    /** True while the pane's program runs. */
    public boolean paneAlive() throws IOException {
        return run("display-message", "-p", "-t", "t", "#{pane_dead}").trim().equals("0");
    }

    public String run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return out;
    }

    @Override
    public void close() {
        try {
            run("kill-server");
        } catch (IOException e) {
            // already gone
        }
    }
}
