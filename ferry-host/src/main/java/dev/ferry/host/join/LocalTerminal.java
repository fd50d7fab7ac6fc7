package dev.ferry.host.join;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The joiner's own terminal through stty on /dev/tty: raw while joined, restored on every way out. */
final class LocalTerminal {
    private final String saved;
    private boolean raw;

    private LocalTerminal(String saved) {
        this.saved = saved;
    }

    /** The terminal when stdin is one, else null (then stdin bytes are sent as they come). */
    static LocalTerminal openIfInteractive() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "test -t 0").redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0 || !new File("/dev/tty").canRead()) return null;
            return new LocalTerminal(stty("-g").trim());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    synchronized void raw() throws IOException {
        stty("raw", "-echo");
        raw = true;
    }

    synchronized void restore() {
        if (!raw) return;
        raw = false;
        try {
            stty(saved);
        } catch (IOException e) {
            // the terminal is gone
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
