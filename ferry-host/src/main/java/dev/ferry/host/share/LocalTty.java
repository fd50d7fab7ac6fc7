package dev.ferry.host.share;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The host's own terminal, driven with stty on /dev/tty: raw mode while sharing, restored on every
 * way out (the caller registers {@link #restore} in a shutdown hook too).
 */
final class LocalTty {
    private final String saved;
    private volatile boolean raw;

    private LocalTty(String saved) {
        this.saved = saved;
    }

    /** The controlling terminal's state, or an error when there is none (use --headless then). */
    static LocalTty open() throws IOException {
        try {
            return new LocalTty(stty("-g").trim());
        } catch (IOException e) {
            throw new IOException("no terminal to share (use --headless)");
        }
    }

    void raw() throws IOException {
        stty("raw", "-echo");
        raw = true;
    }

    synchronized void restore() {
        if (!raw) return;
        raw = false;
        try {
            stty(saved);
        } catch (IOException e) {
            // the terminal is gone; nothing to restore
        }
    }

    /** {cols, rows}, or null when stty cannot tell. */
    static int[] size() {
        try {
            String[] parts = stty("size").trim().split("\\s+");
            int rows = Integer.parseInt(parts[0]), cols = Integer.parseInt(parts[1]);
            return rows > 0 && cols > 0 ? new int[] {Math.min(cols, 1000), Math.min(rows, 1000)} : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String stty(String... args) throws IOException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/tty"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IOException("stty " + String.join(" ", args) + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return out;
    }
}
