package dev.ferry.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Puts the terminal on standard input into character-at-a-time mode without echo ({@code stty -icanon -echo min 1},
 * signals left on so Ctrl-C still interrupts) and puts it back on {@link #restore()} or at JVM exit, Ctrl-C included.
 * Java has no termios API, so this runs the stock {@code stty} on the inherited standard input.
 */
final class Tty {
    private final String saved;
    private final Thread hook;
    private boolean restored;

    private Tty(String saved) {
        this.saved = saved;
        this.hook = new Thread(this::restoreQuietly, "ferry-tty-restore");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Switches to key-at-a-time mode when standard input is a terminal; null when it is not. */
    static Tty keysIfTerminal() throws IOException, InterruptedException {
        Result current = stty("-g");
        if (current.exit != 0) {
            return null; // not a terminal: stty -g fails
        }
        Tty tty = new Tty(current.out.strip());
        if (stty("-icanon", "-echo", "min", "1").exit != 0) {
            tty.restore();
            return null;
        }
        return tty;
    }

    synchronized void restore() {
        if (restored) {
            return;
        }
        restored = true;
        try {
            stty(saved);
        } catch (IOException | InterruptedException e) {
            System.err.println("ferry: could not restore the terminal (run `stty sane`): " + e.getMessage());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // restore() runs from the hook itself during shutdown
        }
    }

    private void restoreQuietly() {
        restore();
    }

    private record Result(int exit, String out) {}

    private static Result stty(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectInput(Redirect.INHERIT).redirectError(Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out);
        }
        return new Result(p.exitValue(), out);
    }
}
