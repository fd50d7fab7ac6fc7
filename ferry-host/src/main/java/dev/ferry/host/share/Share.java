package dev.ferry.host.share;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.ferry.host.tty.LocalTerminal;
import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Links;
import dev.ferry.protocol.Message;
import dev.ferry.terminal.Terminal;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ferry share}: runs a command in a PTY and mirrors it to the relay over one WebSocket.
 * Interactive, the host's terminal works as without Ferry (raw mode, its size followed, restored on
 * every way out). Headless, there is no local terminal: links on stdout, notices on stderr.
 */
public final class Share {
    /**
     * @param hostOptions credentials, names and key restrictions sent after hello; null: none (an anonymous session)
     * @param caFile      a PEM file of CA certificates to trust for an https relay besides the system's; null: the system's
     */
    public record Options(String relay, boolean readOnly, boolean headless, List<String> command, Message.HostOptions hostOptions,
            Path caFile) {
        public Options(String relay, boolean readOnly, boolean headless, List<String> command) {
            this(relay, readOnly, headless, command, null, null);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final Object screenLock = new Object();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final OutputStream screen = new FileOutputStream(FileDescriptor.out);
    private volatile RelayConnection relay;
    private volatile PtyProcess pty;
    /** Input may arrive between the links and the command's start; it waits for this. */
    private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    private LocalTerminal tty;
    private Terminal mirror;
    private NoticeBar notices;
    private Path linksFile;
    private volatile String relayEnded;

    public Share(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Shares until the command exits; returns its exit status. */
    public int run() throws IOException, InterruptedException {
        List<String> command = options.command().isEmpty() ? List.of(shell()) : options.command();
        if (!runnable(command.get(0))) {
            throw new IOException("command not found: " + command.get(0));
        }
        int cols = 80, rows = 24;
        if (!options.headless()) {
            try {
                tty = LocalTerminal.open();
            } catch (IOException e) {
                throw new IOException("no terminal to share (use --headless)");
            }
            int[] size = LocalTerminal.size();
            if (size != null) {
                cols = size[0];
                rows = size[1];
            }
        }
        int version = options.hostOptions() == null ? Frames.VERSION : Frames.VERSION_WITH_OPTIONS;
        relay = RelayConnection.open(options.relay(), options.caFile(),
                new Message.Hello(version, options.readOnly(), cols, rows, String.join(" ", command)), options.hostOptions(),
                new FromRelay());
        List<String> lines = Links.of(relay.info()).lines();
        linksFile = LinksFile.write(lines);
        Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "ferry-share-exit"));
        for (String line : lines) out.println(line);
        out.flush();

        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("TERM", "xterm-256color");
        env.put(LinksFile.ENV, linksFile.toString());
        pty = new PtyProcessBuilder(command.toArray(String[]::new)).setEnvironment(env)
                .setInitialColumns(cols).setInitialRows(rows).setConsole(false).start();
        started.countDown();
        if (relayEnded != null && tty == null) stopCommand();  // the relay ended it while the command started

        mirror = new Terminal(cols, rows, 0);
        if (tty == null) {
            // No real terminal answers the command's queries (vim asks where the cursor is and
            // waits): the mirror answers them, as tmate's own terminal does under tmate -F.
            mirror.answerQueries(reply -> toPty(reply, reply.length));
        }
        if (tty != null) {
            notices = new NoticeBar(screen, screenLock, mirror, cols, rows);
            tty.raw();
            followWindowSize();
            Thread.ofPlatform().daemon().name("ferry-stdin").start(this::pumpStdin);
        }
        // PTY reads block in native code (they would pin a virtual thread's carrier): a platform thread.
        Thread reader = Thread.ofPlatform().daemon().name("ferry-pty-reader").start(this::pumpOutput);
        int status = pty.waitFor();
        // The command's last output, then EOF; pty4j does not always wake a blocked read once the
        // command has gone (seen under load), so the wait for it is bounded.
        reader.join(1000);
        finish("the host's command exited (status " + status + ")");
        String ended = relayEnded;
        if (ended != null && tty == null) {
            err.println("ferry: session ended: " + ended);
            return 1;
        }
        return status;
    }

    /** Checked before anything is shared, so a typo costs no session. */
    private static boolean runnable(String program) {
        if (program.contains("/")) return Files.isExecutable(Path.of(program)) && !Files.isDirectory(Path.of(program));
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return true;
        }
        return false;
    }

    private static String shell() {
        String sh = System.getenv("SHELL");
        return sh != null && !sh.isBlank() && Files.isExecutable(Path.of(sh)) ? sh : "/bin/sh";
    }

    private void pumpOutput() {
        byte[] buf = new byte[FramePipe.MAX_FRAME_BYTES];
        PtyOutput output = new PtyOutput(pty);
        try (InputStream in = pty.getInputStream()) {
            for (int n; (n = output.read(buf)) > 0; ) {
                if (tty != null) {
                    synchronized (screenLock) {
                        screen.write(buf, 0, n);
                        mirror.feed(buf, 0, n);
                    }
                } else {
                    mirror.feed(buf, 0, n);
                }
                RelayConnection r = relay;
                if (r.isOpen()) {
                    try {
                        r.output(buf, 0, n);
                    } catch (IOException e) {
                        // the relay is gone; FromRelay.closed says so. The local terminal goes on.
                    }
                }
            }
        } catch (IOException e) {
            // EIO: the command exited and the PTY closed
        }
    }

    private void pumpStdin() {
        byte[] buf = new byte[4096];
        try (InputStream in = new FileInputStream(FileDescriptor.in)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                toPty(buf, n);
            }
        } catch (IOException e) {
            // stdin closed
        }
    }

    private void toPty(byte[] data, int n) {
        try {
            started.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        PtyProcess p = pty;
        if (p == null) return;
        OutputStream o = p.getOutputStream();
        synchronized (o) {
            try {
                o.write(data, 0, n);
                o.flush();
            } catch (IOException e) {
                // the command is exiting
            }
        }
    }

    @SuppressWarnings("sunapi")
    private void followWindowSize() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), sig -> resized());
        } catch (IllegalArgumentException e) {
            // no SIGWINCH here: the size stays as it started
        }
    }

    private synchronized void resized() {  // one at a time, so the last WINCH applies the latest size
        int[] size = LocalTerminal.size();
        if (size == null) return;
        pty.setWinSize(new WinSize(size[0], size[1]));
        synchronized (screenLock) {
            mirror.resize(size[0], size[1]);
            notices.resize(size[0], size[1]);
        }
        RelayConnection r = relay;
        if (r.isOpen()) {
            try {
                r.send(new Message.Resize(size[0], size[1]));
            } catch (IOException e) {
                // relay gone
            }
        }
    }

    /**
     * Stops the command (headless, the relay ended the session). A SIGTERM that arrives while the
     * command is still being spawned can be lost (seen: the relay shutting down right after the
     * share started left {@code sleep 60} running), so it is repeated until the command is gone.
     */
    private void stopCommand() {
        PtyProcess p = pty;
        if (p == null) return;
        Thread.ofVirtual().name("ferry-stop-command").start(() -> {
            try {
                for (int i = 0; i < 10 && p.isAlive(); i++) {
                    p.destroy();
                    if (p.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS)) return;
                }
                if (p.isAlive()) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** SIGTERM / SIGINT / System.exit: leave the terminal as it was and tell the relay. */
    private void onSignal() {
        if (finish("the host stopped sharing")) {
            PtyProcess p = pty;
            if (p != null) p.destroy();
        }
    }

    /** Ends once: says goodbye to the relay, restores the terminal, removes the links file. */
    private boolean finish(String reason) {
        if (!finished.compareAndSet(false, true)) return false;
        RelayConnection r = relay;
        if (r != null) r.end(reason);
        if (notices != null) notices.close();
        if (tty != null) tty.restore();
        if (linksFile != null) {
            try {
                Files.deleteIfExists(linksFile);
            } catch (IOException e) {
                // tmp files go eventually
            }
        }
        return true;
    }

    private final class FromRelay implements RelayConnection.Handler {
        @Override
        public void input(byte[] data) {
            toPty(data, data.length);
        }

        @Override
        public void notice(String raw) {
            String text = raw.codePoints().map(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            NoticeBar bar = notices;
            if (bar != null) {
                bar.show(text);
            } else {
                err.println("ferry: " + text);
                err.flush();
            }
        }

        @Override
        public void closed(String reason) {
            if (finished.get()) return;
            relayEnded = reason;
            if (tty != null) {
                notice("the relay ended sharing: " + reason + " (your shell goes on)");
            } else {
                // Headless, the share is all there is: stop the command.
                stopCommand();
            }
        }
    }
}
