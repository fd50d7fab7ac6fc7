package dev.ferry.host.agent;

import dev.ferry.protocol.AgentFrames;
import dev.ferry.protocol.AgentMessage;
import dev.ferry.protocol.Message;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * {@code ferry agent}: keeps one outbound WebSocket to the relay (reconnecting with exponential
 * backoff and jitter), and runs the shells the relay asks for, within the configured limits. Shells
 * outlive a network drop shorter than the grace period; after a reconnect each is announced again
 * with a snapshot of its screen. Exit status: 1 when the relay refuses the device (unknown or
 * revoked token) or the configuration is unusable; 0 when stopped.
 */
public final class Agent {
    private static final double FIRST_RETRY_SECONDS = 0.5;

    private final AgentConfig config;
    private final String version;
    private final PrintStream err;
    private final Map<Integer, AgentShell> shells = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferry-agent-timer");
        t.setDaemon(true);
        return t;
    });
    private ShellUser as;
    private volatile AgentLink link;   // the welcomed link, null while offline
    private volatile long offlineSince = System.nanoTime();
    private volatile AgentLink current;   // the latest link, welcomed or not
    private volatile boolean stopping;
    private volatile Thread runner;

    public Agent(AgentConfig config, String version, PrintStream err) {
        this.config = config;
        this.version = version;
        this.err = err;
    }

    public int run() throws InterruptedException {
        runner = Thread.currentThread();
        try {
            as = ShellUser.of(config.user());
        } catch (IllegalArgumentException | IOException e) {
            err.println("ferry agent: " + e.getMessage());
            return 1;
        }
        URI endpoint;
        WebSocketClient client;
        try {
            endpoint = dev.ferry.host.net.RelayUrl.ws(config.relay(), "/ws/agent");
            client = dev.ferry.host.net.Tls.client(config.caFile());
            client.setMaxBinaryMessageSize(AgentFrames.MAX_FRAME);
            client.start();
        } catch (Exception e) {
            err.println("ferry agent: " + e.getMessage());
            return 1;
        }
        timer.scheduleWithFixedDelay(this::enforce, 500, 500, TimeUnit.MILLISECONDS);
        int attempt = 0;
        try {
            while (!stopping) {
                AgentLink l = new AgentLink(this::handle);
                current = l;
                try {
                    client.setIdleTimeout(java.time.Duration.ofSeconds(60));
                    client.connect(l, new ClientUpgradeRequest(endpoint)).get(10, TimeUnit.SECONDS);
                    l.sendQuietly(new AgentMessage.Hello(AgentFrames.VERSION, config.token(), version, Host.os(), Host.name(), config.limits()));
                    AgentMessage.Welcome w = l.welcome.get(10, TimeUnit.SECONDS);
                    attempt = 0;
                    l.idleTimeout(java.time.Duration.ofSeconds(Math.max(3, 3L * w.heartbeatSeconds())));
                    err.println("ferry agent: connected to " + config.relay() + " as device " + w.device());
                    err.flush();
                    announce(l);
                    link = l;
                    offlineSince = 0;
                    var beat = timer.scheduleAtFixedRate(() -> l.sendQuietly(new AgentMessage.Ping(System.nanoTime())),
                            w.heartbeatSeconds(), Math.max(1, w.heartbeatSeconds()), TimeUnit.SECONDS);
                    String why = l.closed.get();
                    beat.cancel(false);
                    link = null;
                    offlineSince = System.nanoTime();
                    if (stopping) break;
                    if (l.refused()) return refused(why);
                    err.println("ferry agent: disconnected: " + why);
                } catch (ExecutionException | TimeoutException | IOException e) {
                    l.close("bye");
                    if (l.refused()) return refused(l.closed.getNow("refused"));
                    if (stopping) break;
                    err.println("ferry agent: cannot reach the relay at " + config.relay() + ": " + rootMessage(e));
                }
                double delay = backoff(attempt++);
                err.printf("ferry agent: reconnecting in %.1f s%n", delay);
                err.flush();
                Thread.sleep((long) (delay * 1000));
            }
            return 0;
        } catch (InterruptedException e) {
            return 0;
        } finally {
            stopping = true;
            timer.shutdownNow();
            AgentLink l = link;
            for (AgentShell s : shells.values()) {
                if (l != null) l.sendQuietly(new AgentMessage.End(s.id, "the agent on the device stopped"));
                s.kill();
            }
            if (l != null) l.close("agent stopping");
            try {
                client.stop();
            } catch (Exception e) {
                // best effort
            }
        }
    }

    /** Stops the agent (its shells end); run() returns. */
    public void stop() {
        stopping = true;
        Thread r = runner;
        AgentLink l = current;
        if (l != null) l.close("agent stopping");
        if (r != null) r.interrupt();
    }

    private int refused(String why) {
        err.println("ferry agent: the relay refused this device: " + why);
        return 1;
    }

    /** Exponential from half a second to the configured maximum, each delay cut by a random part of up to half (jitter). */
    double backoff(int attempt) {
        double d = Math.min(config.reconnectMaxSeconds(), FIRST_RETRY_SECONDS * Math.pow(2, Math.min(attempt, 20)));
        return d * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble());
    }

    /** After a reconnect: each live shell again, with its size and screen. */
    private void announce(AgentLink l) {
        for (AgentShell s : shells.values()) {
            s.announce(l, snap -> {
                l.send(new AgentMessage.Opened(s.id, s.cols(), s.rows()));
                l.send(new AgentMessage.Data(s.id, new Message.Output(snap)));
            });
        }
    }

    private void handle(AgentLink l, AgentMessage m) {
        switch (m) {
            case AgentMessage.Open o -> open(l, o);
            case AgentMessage.Data d -> {
                AgentShell s = shells.get(d.shell());
                if (s == null) {
                    l.sendQuietly(new AgentMessage.Error("unknown shell " + d.shell()));
                    return;
                }
                switch (d.message()) {
                    case Message.Input in -> s.input(in.data());
                    case Message.Resize r -> {
                        s.resize(r.cols(), r.rows());
                        s.locked(() -> l.send(new AgentMessage.Data(s.id, r)));
                    }
                    default -> l.sendQuietly(new AgentMessage.Error("unexpected " + d.message().getClass().getSimpleName().toLowerCase()
                            + " frame in a shell's data"));
                }
            }
            case AgentMessage.End e -> {
                AgentShell s = shells.remove(e.shell());
                if (s != null) s.kill();
            }
            case AgentMessage.Ping p -> l.sendQuietly(new AgentMessage.Pong(p.value()));
            case AgentMessage.Pong p -> { }
            case AgentMessage.Error e -> err.println("ferry agent: the relay reports: " + e.text());
            default -> l.sendQuietly(new AgentMessage.Error("unexpected " + m.getClass().getSimpleName().toLowerCase() + " frame from the relay"));
        }
    }

    private void open(AgentLink l, AgentMessage.Open o) {
        AgentMessage.Limits lim = config.limits();
        if (shells.size() >= lim.maxShells()) {
            l.sendQuietly(new AgentMessage.End(o.shell(), "this device already runs its limit of " + lim.maxShells() + " shells"));
            return;
        }
        long mine = shells.values().stream().filter(s -> s.user.equals(o.user())).count();
        if (mine >= lim.maxShellsPerUser()) {
            l.sendQuietly(new AgentMessage.End(o.shell(), o.user() + " already has the limit of " + lim.maxShellsPerUser() + " shells on this device"));
            return;
        }
        AgentShell s;
        try {
            s = AgentShell.start(o.shell(), o.user(), config.command(), as, o.cols(), o.rows());
        } catch (IOException | RuntimeException e) {
            l.sendQuietly(new AgentMessage.End(o.shell(), "the device could not start the shell: " + e.getMessage()));
            return;
        }
        shells.put(s.id, s);
        s.locked(() -> {
            s.link = l;
            l.send(new AgentMessage.Opened(s.id, o.cols(), o.rows()));
        });
        s.pump(this::output, this::exited);
    }

    private void output(AgentShell s, byte[] data) {
        AgentLink l = s.link;
        if (l != null && l.isOpen()) l.send(new AgentMessage.Data(s.id, new Message.Output(data)));
    }

    private void exited(AgentShell s, int status) {
        if (shells.remove(s.id, s)) {
            AgentLink l = s.link;
            if (l != null && l.isOpen()) l.send(new AgentMessage.End(s.id, "the shell exited" + (status == 0 ? "" : " with status " + status)));
        }
    }

    /** The agent's side of the limits: idle and maximum age; and its shells die when the relay stays away past the grace period. */
    private void enforce() {
        try {
            long now = System.nanoTime();
            AgentMessage.Limits lim = config.limits();
            long off = offlineSince;
            if (off != 0 && now - off > TimeUnit.SECONDS.toNanos(lim.graceSeconds()) && !shells.isEmpty()) {
                err.println("ferry agent: the relay was unreachable for more than " + lim.graceSeconds() + " s: ending " + shells.size() + " shell(s)");
                for (AgentShell s : shells.values()) {
                    shells.remove(s.id);
                    s.kill();
                }
                return;
            }
            for (AgentShell s : shells.values()) {
                String why = null;
                if (lim.maxAgeSeconds() > 0 && now - s.createdNanos > TimeUnit.SECONDS.toNanos(lim.maxAgeSeconds())) {
                    why = "the shell reached its maximum age of " + lim.maxAgeSeconds() + " s";
                } else if (lim.idleSeconds() > 0 && off == 0 && now - s.activeNanos() > TimeUnit.SECONDS.toNanos(lim.idleSeconds())) {
                    why = "the shell was idle for " + lim.idleSeconds() + " s";
                }
                if (why != null && shells.remove(s.id, s)) {
                    AgentLink l = s.link;
                    if (l != null) l.sendQuietly(new AgentMessage.End(s.id, why));
                    s.kill();
                }
            }
        } catch (RuntimeException e) {
            err.println("ferry agent: " + e);
        }
    }

    /** The cause in one line; Jetty's internal descriptions of its endpoints say nothing to a user. */
    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage();
        if (m == null || m.contains("EndPoint@") || m.length() > 160) {
            return t instanceof java.nio.channels.ClosedChannelException || t.getClass().getSimpleName().equals("EofException")
                    ? "the connection closed" : t.getClass().getSimpleName();
        }
        return m;
    }
}
