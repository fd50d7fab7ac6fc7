package dev.ferry.host.tty;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The user's own terminal, driven with the stock {@code stty} on {@code /dev/tty} (Java has no termios
 * API). Whatever mode it is put in is restored on {@link #restore()} and, as a safety net, at JVM exit
 * (Ctrl-C, SIGTERM), so no way out leaves the user's terminal raw.
 */
public final class LocalTerminal {
    private static final File TTY = new File("/dev/tty");

    private final String saved;
    private final Thread restoreHook = new Thread(this::restore, "ferry-terminal-restore");
    private boolean changed;

    private LocalTerminal(String saved) {
        this.saved = saved;
    }

    /** The controlling terminal, or an error saying there is none. */
    public static LocalTerminal open() throws IOException {
        try {
            return new LocalTerminal(stty("-g").trim());
        } catch (IOException e) {
            throw new IOException("no terminal");
        }
    }

    /** The terminal when standard input is one, else null (the caller then works with plain streams). */
    public static LocalTerminal openIfInteractive() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "test -t 0").redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0 || !TTY.canRead()) return null;
            return open();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Raw mode without echo: every byte, Ctrl-C included, goes to the program (share, join). */
    public void raw() throws IOException {
        change("raw", "-echo");
    }

    /** Key-at-a-time without echo, signals kept so Ctrl-C still interrupts (play). */
    public void keys() throws IOException {
        change("-icanon", "-echo", "min", "1");
    }

    private synchronized void change(String... args) throws IOException {
        if (!changed) {
            Runtime.getRuntime().addShutdownHook(restoreHook);
            changed = true;
        }
        stty(args);
    }

    /** Puts the terminal back as it was; safe to call more than once and from any thread. */
    public synchronized void restore() {
        if (!changed) return;
        changed = false;
        try {
            stty(saved);
        } catch (IOException e) {
            // the terminal is gone; nothing left to restore
        }
        try {
            Runtime.getRuntime().removeShutdownHook(restoreHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself during shutdown
        }
    }

    /** {cols, rows} of the controlling terminal, or null when stty cannot tell. */
    public static int[] size() {
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
        Process p = new ProcessBuilder(cmd).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("stty " + String.join(" ", args) + " timed out");
            }
            if (p.exitValue() != 0) throw new IOException("stty " + String.join(" ", args) + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return out;
    }
}
