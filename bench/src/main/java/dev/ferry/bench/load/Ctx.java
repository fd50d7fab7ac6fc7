package dev.ferry.bench.load;

import dev.ferry.host.share.FastDeflate;
import dev.ferry.protocol.Frames;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.sshd.client.SshClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** What every measurement shares: the processes under test, the clients, the mode, the results. */
final class Ctx implements AutoCloseable {
    /** The raw-mode echo program, the same command line under Ferry's PTY and under OpenSSH. */
    static final String ECHO = "stty raw -echo; exec cat";
    /** Whether the load host and participants offer permessage-deflate (browsers and ferry share do); -Dbench.deflate=false to compare. */
    static final boolean DEFLATE = !"false".equals(System.getProperty("bench.deflate"));
    /** -Dbench.deflatedframes=false: web participants offer permessage-deflate only (the relay before deflated frames). */
    static final boolean DEFLATED_FRAMES = !"false".equals(System.getProperty("bench.deflatedframes"));
    /** Whether the load host compresses at level 1 as ferry share does ({@link FastDeflate}); -Dbench.host.fastdeflate=false: Jetty's level 6. */
    static final boolean FAST_DEFLATE = !"false".equals(System.getProperty("bench.host.fastdeflate"));
    /**
     * -Dbench.host.deflatedoutput=false: hosts do not offer to send their output as deflated frames, and
     * leave compressing it to permessage-deflate (ferry share before the relay passed their frames on).
     */
    static final boolean DEFLATED_OUTPUT = !"false".equals(System.getProperty("bench.host.deflatedoutput"));

    final Mode mode;
    final Path tmp;
    final Relay relay;
    final Sshd sshd;
    final KeyPair key;
    final WebSocketClient web;
    /**
     * The load hosts' own client, so their CPU can be told apart from the participants' (threads named
     * {@link #HOST_THREADS}): they do the work OpenSSH's session processes do, reading the PTY and sending.
     */
    final WebSocketClient hostWeb;
    /**
     * The fan-out's participants, on threads of their own at a lower priority (nice 10). They stand for
     * browsers on other machines, so they get the CPU the relay and the fan-out's host leave: at the same
     * priority, 1,000 of them decoding 1 MB/s kept dozens of threads runnable, which delayed the host's
     * few (its echo p99 134 ms, against 16 ms at nice 10).
     */
    final WebSocketClient crowd;
    final SshClient ssh;
    final SshClient sshCompressed;
    final WsEchoServer wsEcho;
    final Json results = Json.obj();
    final List<String[]> table = new ArrayList<>();

    Ctx(Mode mode, Path tmp, Path jar, List<String> relayJvmOptions) throws Exception {
        this.mode = mode;
        this.tmp = tmp;
        relay = Relay.start(jar, tmp.resolve("relay"), relayJvmOptions);
        sshd = Sshd.start(tmp.resolve("sshd"), true);
        key = SshTerm.key(sshd.clientKey);
        web = webClient(new QueuedThreadPool(64), "bench-ws");
        hostWeb = webClient(new QueuedThreadPool(64), "bench-host-ws");
        crowd = webClient(Nice.pool(64, Integer.getInteger("bench.crowd.nice", 10)), "bench-crowd");
        ssh = SshTerm.client(false);
        sshCompressed = SshTerm.client(true);
        wsEcho = new WsEchoServer();
    }

    /** The name prefixes of the load hosts' threads: their PTY readers (which also send) and their client's pool. */
    static final String[] HOST_THREADS = {HostSession.PTY_THREAD, "bench-host-ws"};

    static WebSocketClient webClient(QueuedThreadPool pool, String name) throws Exception {
        pool.setName(name);
        WebSocketClient c = new WebSocketClient();
        c.getHttpClient().setExecutor(pool);
        c.setMaxBinaryMessageSize(Frames.MAX_FRAME);
        c.setIdleTimeout(java.time.Duration.ofMinutes(10));
        c.getHttpClient().setMaxConnectionsPerDestination(100_000);
        if (FAST_DEFLATE) FastDeflate.install(c);   // participants share the client: they only send keystrokes
        c.start();
        return c;
    }

    static String[] sh(String command) {
        return new String[] {"/bin/sh", "-c", command};
    }

    void row(String... cells) {
        table.add(cells);
        System.out.println("  " + String.join(" | ", cells));
    }

    static String f(double v) {
        if (Double.isNaN(v)) return "-";
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static void log(String s) {
        System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + s);
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {wsEcho, web, hostWeb, crowd, ssh, sshCompressed, relay, sshd}) {
            try {
                if (c instanceof SshClient s) s.stop(); else if (c != null) c.close();
            } catch (Exception e) {
                log("closing: " + e);
            }
        }
    }

    /** The sizes of one run: --quick (about 2 minutes), full (under 15), --smoke (about 10 seconds). */
    record Mode(String name, int keystrokes, int[] sessions, int[] sshSessions, long throughputBytes,
                int[] fanout, int fanoutSeconds, int[] idle, int rounds) {
        static Mode of(String name) {
            return switch (name) {
                case "smoke" -> new Mode(name, 200, new int[] {1}, new int[] {1}, 2_000_000, new int[] {10}, 1, new int[] {50}, 1);
                case "quick" -> new Mode(name, 2_000, new int[] {1, 100}, new int[] {1, 100}, 20_000_000,
                        new int[] {10, 100}, 4, new int[] {500}, 1);
                default -> new Mode(name, 10_000, new int[] {1, 100, 1000}, new int[] {1, 100, 1000}, 200_000_000,
                        new int[] {10, 100, 1000}, 8, new int[] {1000, 10_000}, 3);
            };
        }
    }
}
