package dev.ferry.host.join;

import dev.ferry.host.net.RelayUrl;
import dev.ferry.host.tty.LocalTerminal;
import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * {@code ferry join LINK|TOKEN}: a native participant. Interactive (stdin a terminal), the local
 * terminal goes raw, shows the session and sends keys; {@code Enter ~ .} detaches. Otherwise stdin
 * bytes are sent as they come and the session's bytes go to stdout. Exit status: 0 when the session
 * ended or the user detached, 1 when the join was refused or the network failed.
 */
public final class Join {
    public static final String ESCAPE_HELP = "Detach with Enter ~ . (newline, tilde, dot); ~~ sends a tilde.";
    private static final long NOTICE_MILLIS = 4000;

    private final String linkOrToken;
    private final String relay;
    private final PrintStream err;
    private final FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    private final Object screenLock = new Object();
    private final CompletableFuture<Message.SessionInfo> joined = new CompletableFuture<>();
    private final CompletableFuture<Outcome> done = new CompletableFuture<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferry-join-timer");
        t.setDaemon(true);
        return t;
    });
    private LocalTerminal tty;
    private Display display;
    private final java.util.concurrent.atomic.AtomicBoolean restored = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean readOnly;

    private record Outcome(String line, int status) {}

    /** {@code relay} is used for a bare token (the --relay flag or FERRY_RELAY); may be null for a link. */
    private java.nio.file.Path caFile;

    /** Trust the CA certificates of this PEM file for an https relay (private CA, self-signed); null: the system's. */
    public Join caFile(java.nio.file.Path caFile) {
        this.caFile = caFile;
        return this;
    }

    private String apiKey = "";

    /**
     * Join as this API key's account (sent as {@code Authorization: Bearer}, never in the URL): sessions
     * restricted to listed SSH keys admit it when the account owns a listed key. Empty: anonymous.
     */
    public Join apiKey(String apiKey) {
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        return this;
    }

    private String envKey = "", envKeyRelay;

    /**
     * An API key from the environment ({@code FERRY_API_KEY}), meant for the relay {@code keyRelay}: sent
     * only when the join goes to that relay's origin, as links come from other people and may name any
     * server. {@link #apiKey} (typed for this command) wins and goes wherever the join goes.
     */
    public Join environmentApiKey(String key, String keyRelay) {
        this.envKey = key == null ? "" : key.strip();
        this.envKeyRelay = keyRelay;
        return this;
    }

    /** The key this join sends: the given one, else the environment's if it is for this relay (else none, and a line says so). */
    private String keyFor(JoinTarget target) {
        if (!apiKey.isEmpty() || envKey.isEmpty()) return apiKey;
        if (envKeyRelay != null && RelayUrl.sameOrigin(target.relay(), envKeyRelay)) return envKey;
        err.println("ferry: not sending FERRY_API_KEY to " + target.relay() + " (it goes only to " + envKeyRelay
                + ", from --relay, FERRY_RELAY or the default); pass --api-key to send it");
        return "";
    }

    public Join(String linkOrToken, String relay, PrintStream err) {
        this.linkOrToken = linkOrToken;
        this.relay = relay;
        this.err = err;
    }

    public int run() throws InterruptedException {
        JoinTarget target;
        try {
            target = JoinTarget.parse(linkOrToken, relay);
        } catch (IllegalArgumentException e) {
            err.println("ferry: " + e.getMessage());
            return 1;
        }
        String key = keyFor(target);
        tty = LocalTerminal.openIfInteractive();
        display = new Display(stdout, tty != null, tty != null ? LocalTerminal.size() : null);
        WebSocketClient client;
        try {
            client = dev.ferry.host.net.Tls.client(caFile);
        } catch (java.io.IOException e) {
            err.println("ferry: " + e.getMessage());
            return 1;
        }
        client.setMaxBinaryMessageSize(Frames.MAX_FRAME);
        client.setIdleTimeout(Duration.ofMinutes(5));
        JoinConnection conn = new JoinConnection(this::onMessage, this::onEnd);
        try {
            client.start();
            ClientUpgradeRequest req = new ClientUpgradeRequest(target.endpoint());
            req.addExtensions("permessage-deflate");
            if (!key.isEmpty()) req.setHeader("Authorization", "Bearer " + key);
            client.connect(conn, req).get(10, TimeUnit.SECONDS);
            Message.SessionInfo info = joined.get(10, TimeUnit.SECONDS);
            readOnly = info.readOnly();
        } catch (Exception e) {
            stop(client);
            Outcome o = done.getNow(null);
            err.println("ferry: " + (o != null && conn.closedByRelay() ? o.line()
                    : "cannot reach the relay at " + target.relay() + ": " + (o != null ? o.line() : rootMessage(e))));
            return 1;
        }
        try {
            if (tty != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::restoreTerminal, "ferry-join-restore"));
                tty.raw();
                followWindowSize(conn);
            }
            Thread.ofPlatform().daemon().name("ferry-join-stdin").start(() -> pumpStdin(conn));
            long[] pings = {0};
            timer.scheduleAtFixedRate(() -> conn.send(new Message.Ping(++pings[0])), 30, 30, TimeUnit.SECONDS);
            Outcome o = done.get();
            conn.close(StatusCode.NORMAL, "bye");
            restoreTerminal();
            err.println(o.line());
            return o.status();
        } catch (Exception e) {
            restoreTerminal();
            err.println("ferry: " + rootMessage(e));
            return 1;
        } finally {
            timer.shutdownNow();
            stop(client);
        }
    }

    private void onMessage(Message m) {
        try {
            synchronized (screenLock) {
                switch (m) {
                    case Message.SessionInfo si -> {
                        // Before the first snapshot, so these lines come first on screen and in logs.
                        if (si.readOnly()) err.println("ferry: read-only: you are watching; nothing you type is sent.");
                        if (tty != null) err.println("ferry: " + ESCAPE_HELP);
                        err.flush();
                        // The first snapshot clears the screen: the title bar repeats the essentials for a while.
                        if (tty != null) notice((si.readOnly() ? "read-only. " : "") + ESCAPE_HELP);
                        joined.complete(si);
                    }
                    case Message.Snapshot s -> display.snapshot(s.cols(), s.rows(), s.data());
                    case Message.Output o -> display.output(o.data());
                    case Message.Resize r -> display.sessionResized(r.cols(), r.rows());
                    case Message.Notice n -> notice(n.text());
                    default -> { }  // pongs; nothing else comes to a participant
                }
            }
        } catch (IOException e) {
            done.complete(new Outcome("ferry: cannot write to the terminal: " + e.getMessage(), 1));
        }
    }

    /** A close frame or a broken connection: ended (0) once joined, refused or failed (1) before. */
    private void onEnd(String reason) {
        boolean wasJoined = joined.isDone();
        joined.completeExceptionally(new IOException(reason));
        done.complete(wasJoined && reason.startsWith("session ended") ? new Outcome(reason, 0)
                : new Outcome(wasJoined ? "ferry: " + reason : reason, 1));
    }

    /** Notices borrow the title bar for a few seconds in a terminal (the screen stays the host's); else stderr. */
    private void notice(String text) throws IOException {
        if (tty == null) {
            err.println("ferry: " + text);
            return;
        }
        display.write(("\033]2;ferry: " + clean(text) + "\007").getBytes(StandardCharsets.UTF_8));
        timer.schedule(() -> {
            synchronized (screenLock) {
                try {
                    display.write(("\033]2;" + clean(display.title()) + "\007").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the terminal is gone
                }
            }
        }, NOTICE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static String clean(String s) {
        return s.replaceAll("[\\p{Cntrl}]", " ");
    }

    private void pumpStdin(JoinConnection conn) {
        Escape escape = new Escape();
        byte[] buf = new byte[4096];
        try (InputStream in = new FileInputStream(FileDescriptor.in)) {
            for (int n; (n = in.read(buf)) > 0 && !done.isDone(); ) {
                byte[] send;
                if (tty != null) {
                    Escape.Result r = escape.filter(buf, n);
                    if (r.detach()) {
                        done.complete(new Outcome("ferry: detached", 0));
                        return;
                    }
                    send = r.send();
                    if (readOnly && send.length == 1 && send[0] == 3) {  // Ctrl-C: nothing to interrupt
                        done.complete(new Outcome("ferry: detached", 0));
                        return;
                    }
                } else {
                    send = java.util.Arrays.copyOf(buf, n);
                }
                if (!readOnly && send.length > 0) conn.send(new Message.Input(send));
            }
        } catch (IOException e) {
            // stdin closed: go on watching
        }
    }

    @SuppressWarnings("sunapi")
    private void followWindowSize(JoinConnection conn) {
        int[] size = LocalTerminal.size();
        if (size != null) conn.send(new Message.Resize(size[0], size[1]));
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), sig -> {
                int[] s = LocalTerminal.size();
                if (s == null) return;
                synchronized (screenLock) {
                    try {
                        display.localResized(s[0], s[1]);
                    } catch (IOException e) {
                        // the terminal is gone
                    }
                }
                conn.send(new Message.Resize(s[0], s[1]));
            });
        } catch (IllegalArgumentException e) {
            // no SIGWINCH here
        }
    }

    /** Leaves the local terminal as it was: session modes off, cooked mode back, cursor on a fresh line. */
    private void restoreTerminal() {
        LocalTerminal t = tty;
        if (t == null || !restored.compareAndSet(false, true)) return;
        synchronized (screenLock) {
            try {
                display.write((Display.RESTORE_MODES + "\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the terminal is gone
            }
        }
        t.restore();
    }

    private static void stop(WebSocketClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            // best effort
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
