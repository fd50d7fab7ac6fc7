package dev.ferry.host.agent;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.ferry.terminal.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One shell on the device: a PTY, and a screen model fed with everything it prints, so that after a
 * network drop the relay gets the screen back exactly (a snapshot) whatever was printed meanwhile.
 */
final class AgentShell {
    /** Resets the receiving terminal before a snapshot, which rebuilds a fresh terminal's screen. */
    private static final byte[] RESET = "\033c".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    final int id;
    final String user;
    final long createdNanos = System.nanoTime();
    private final PtyProcess pty;
    private final Terminal screen;
    private volatile long activeNanos = System.nanoTime();
    /** The link this shell's output goes to; set under the screen's lock when the shell is announced on it. */
    volatile AgentLink link;

    private AgentShell(int id, String user, PtyProcess pty, int cols, int rows) {
        this.id = id;
        this.user = user;
        this.pty = pty;
        this.screen = new Terminal(cols, rows, 0);
        // No real terminal answers the shell's queries (vim asks where the cursor is, and waits): the
        // screen model does, once, however many participants watch (their pages stay silent).
        this.screen.answerQueries(this::toPty);
    }

    /**
     * Starts the command; its output is read once {@link #pump} is called.
     */
    static AgentShell start(int id, String user, List<String> command, ShellUser as, int cols, int rows) throws IOException {
        PtyProcess pty = new PtyProcessBuilder(as.command(command).toArray(String[]::new)).setEnvironment(as.environment())
                .setDirectory(as.directory()).setInitialColumns(cols).setInitialRows(rows).setConsole(false).start();
        return new AgentShell(id, user, pty, cols, rows);
    }

    /**
     * Reads the shell on a platform thread: {@code output} gets each chunk it prints (under the screen's
     * lock); {@code exited} gets the exit status once, after the last output.
     */
    void pump(BiConsumer<AgentShell, byte[]> output, BiConsumer<AgentShell, Integer> exited) {
        Thread.ofPlatform().daemon().name("ferry-agent-shell-" + id).start(() -> read(output, exited));
    }

    private void read(BiConsumer<AgentShell, byte[]> output, BiConsumer<AgentShell, Integer> exited) {
        byte[] buf = new byte[32 * 1024];
        try (InputStream in = pty.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                activeNanos = System.nanoTime();
                synchronized (screen) {
                    screen.feed(chunk);
                    output.accept(this, chunk);   // under the lock: a snapshot never misses or repeats a chunk
                }
            }
        } catch (IOException e) {
            // EIO: the shell exited and the PTY closed
        }
        int status;
        try {
            status = pty.waitFor();
        } catch (InterruptedException e) {
            status = -1;
        }
        exited.accept(this, status);
    }

    void input(byte[] data) {
        activeNanos = System.nanoTime();
        toPty(data);
    }

    private void toPty(byte[] data) {
        OutputStream o = pty.getOutputStream();
        synchronized (o) {
            try {
                o.write(data);
                o.flush();
            } catch (IOException e) {
                // the shell is exiting
            }
        }
    }

    void resize(int cols, int rows) {
        synchronized (screen) {
            screen.resize(cols, rows);
        }
        pty.setWinSize(new WinSize(cols, rows));
    }

    int cols() {
        synchronized (screen) {
            return screen.cols();
        }
    }

    int rows() {
        synchronized (screen) {
            return screen.rows();
        }
    }

    /**
     * Moves the shell to a new link and runs {@code send} with bytes that rebuild this shell's screen on a terminal that already shows
     * something; under the screen's lock, so no output slips between the snapshot and the stream.
     */
    void announce(AgentLink l, java.util.function.Consumer<byte[]> send) {
        synchronized (screen) {
            link = l;
            byte[] snap = screen.snapshot(0);
            byte[] all = new byte[RESET.length + snap.length];
            System.arraycopy(RESET, 0, all, 0, RESET.length);
            System.arraycopy(snap, 0, all, RESET.length, snap.length);
            send.accept(all);
        }
    }

    long activeNanos() { return activeNanos; }

    /** Sends under the screen's lock, so nothing printed meanwhile overtakes it. */
    void locked(Runnable r) {
        synchronized (screen) {
            r.run();
        }
    }

    /** Ends the shell (hang-up, then kill); the exit callback follows. */
    void kill() {
        pty.destroy();
        Thread.ofVirtual().start(() -> {
            try {
                if (!pty.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) pty.destroyForcibly();
            } catch (InterruptedException e) {
                pty.destroyForcibly();
            }
        });
    }

    boolean alive() {
        return pty.isAlive();
    }
}
