package dev.ferry.relay.device;

import dev.ferry.protocol.AgentMessage;
import dev.ferry.relay.auth.AccountRole;
import dev.ferry.relay.auth.User;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionAccess;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.store.Device;
import dev.ferry.relay.store.DeviceStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices whose agents are connected, and their shells. Opens shells for users (role, device
 * group and the device's limits checked here, the agent checks its limits again), and ends shells
 * that are idle, too old, nobody has watched for the grace period, or whose device stayed away
 * longer than the grace period.
 */
public final class Devices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Devices.class);
    private static final long OPEN_TIMEOUT_SECONDS = 10;

    private final Hub hub;
    private final DeviceStore store;
    private final int heartbeatSeconds;
    private final AtomicInteger shellIds = new AtomicInteger();
    private final ScheduledExecutorService reaper;

    // Guarded by this.
    private final Map<String, AgentLink> links = new HashMap<>();
    private final Map<String, Map<Integer, DeviceShell>> shells = new HashMap<>();
    private final Map<String, AgentMessage.Limits> limits = new HashMap<>();

    public Devices(Hub hub, DeviceStore store, int heartbeatSeconds) {
        this.hub = hub;
        this.store = store;
        this.heartbeatSeconds = heartbeatSeconds;
        store.allOffline();
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-device-reaper");
            t.setDaemon(true);
            return t;
        });
        reaper.scheduleWithFixedDelay(this::reap, 500, 500, TimeUnit.MILLISECONDS);
        reaper.scheduleWithFixedDelay(this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    /** The relay's half of the heartbeat: a ping to every agent (whose silence its idle timeout catches). */
    private void heartbeat() {
        List<AgentLink> all;
        synchronized (this) {
            all = List.copyOf(links.values());
        }
        long now = System.nanoTime();
        for (AgentLink l : all) l.send(new AgentMessage.Ping(now));
    }

    int heartbeatSeconds() { return heartbeatSeconds; }

    /** A new agent link for a WebSocket from this address. */
    public AgentLink link(String address) {
        return new AgentLink(this, address);
    }

    /** The devices as the store knows them. */
    public List<Device> list() {
        return store.list();
    }

    /**
     * The devices this user may open shells on by group (a user with no groups: all of them), which
     * is what the device pages and {@code /api/devices} show; whether the role allows a shell is
     * decided when one is asked for.
     */
    public List<Device> visibleTo(User user) {
        List<String> groups = store.groupsOf(user.name());
        return store.list().stream().filter(d -> allowed(groups, d)).toList();
    }

    /** A user limited to these groups (none: no limit) may use this device. */
    private static boolean allowed(List<String> groups, Device d) {
        return groups.isEmpty() || groups.contains(d.group());
    }

    /** How many shells a device has now (0 when offline with none waiting). */
    public synchronized int shellCount(String device) {
        return shells.getOrDefault(device, Map.of()).size();
    }

    // ---- agents ----

    /** Checks an agent's hello; null when admitted (the link is told), else the one-line refusal. */
    String admit(AgentLink link, AgentMessage.Hello h) {
        if (hub.failures().blocked(link.address())) return dev.ferry.relay.auth.FailureLimiter.TOO_MANY;
        Optional<Device> found = store.authenticate(h.token());
        if (found.isEmpty()) {
            hub.failures().failed(link.address());
            return "unknown device token";
        }
        Device d = found.get();
        if (d.isRevoked()) return "the token of device " + d.name() + " was revoked";
        AgentLink old;
        synchronized (this) {
            old = links.put(d.name(), link);
            limits.put(d.name(), h.limits());
            link.accepted(d.name(), h.limits());
        }
        if (old != null) old.close(org.eclipse.jetty.websocket.api.StatusCode.POLICY_VIOLATION, "replaced by a new connection of the same device");
        store.connected(d.name(), clip(h.agentVersion()), clip(h.os()), clip(h.hostname()));
        log.info("device {} connected from {} (agent {}, {})", d.name(), link.address(), clip(h.agentVersion()), clip(h.os()));
        return null;
    }

    void seen(AgentLink link) {
        store.seen(link.device());
    }

    /** The link closed: its shells wait, detached, for the agent to come back within the grace period. */
    void gone(AgentLink link, String reason) {
        String name = link.device();
        List<DeviceShell> waiting = new ArrayList<>();
        synchronized (this) {
            if (!links.remove(name, link)) return;   // replaced by a newer link: nothing changes
            for (DeviceShell s : shells.getOrDefault(name, Map.of()).values()) {
                s.detach();
                waiting.add(s);
            }
        }
        store.disconnected(name);
        int grace = limitsOf(name).graceSeconds();
        log.info("device {} disconnected ({}); {} shell(s) wait {} s", name, reason, waiting.size(), grace);
        for (DeviceShell s : waiting) {
            Session session = s.session();
            if (session != null) session.notice("the device " + name + " went offline; waiting up to " + grace + " s for it to come back");
        }
    }

    /** The agent says a shell runs: the answer to an open, or a live shell announced after a reconnect. */
    void opened(AgentLink link, AgentMessage.Opened o) {
        DeviceShell s;
        synchronized (this) {
            s = shells.getOrDefault(link.device(), Map.of()).get(o.shell());
        }
        if (s == null) {
            link.send(new AgentMessage.End(o.shell(), "the relay does not know this shell (it ended while the device was away)"));
            return;
        }
        Session session = s.session();
        if (session == null) {
            SessionSpec spec = new SessionSpec("shell on " + s.device + " for " + s.user, false, o.cols(), o.rows(), link.address(),
                    ResizePolicy.SMALLEST_WRITER, new SessionAccess(s.user, null, null, null));
            s.started(hub.open(s, spec));
            log.info("shell {} on {} opened for {}", o.shell(), s.device, s.user);
        } else {
            s.attach(link);
            session.resize(o.cols(), o.rows());
            session.notice("the device " + s.device + " is back");
        }
    }

    void endedByAgent(AgentLink link, int id, String reason) {
        DeviceShell s = shell(link, id);
        if (s != null) s.endedByAgent(reason);
    }

    synchronized DeviceShell shell(AgentLink link, int id) {
        DeviceShell s = shells.getOrDefault(link.device(), Map.of()).get(id);
        return s != null && s.link() == link ? s : null;
    }

    synchronized void removed(DeviceShell s) {
        Map<Integer, DeviceShell> m = shells.get(s.device);
        if (m != null) m.remove(s.id, s);
    }

    // ---- users ----

    /**
     * Opens a shell on a device for a user and returns its session, once the agent says it runs.
     * Refusals are one line: the user's role or groups, an unknown or offline device, a limit.
     */
    public Session open(String deviceName, User user, int cols, int rows) throws ShellRefusedException {
        if (!user.has(AccountRole.OPERATOR)) {
            throw new ShellRefusedException(403, "viewers may only watch device shells, by a read-only link");
        }
        Device d = store.find(deviceName).orElseThrow(() -> new ShellRefusedException(404, "no device " + deviceName));
        if (d.isRevoked()) throw new ShellRefusedException(409, "device " + d.name() + " is revoked");
        List<String> groups = store.groupsOf(user.name());
        if (!allowed(groups, d)) {
            throw new ShellRefusedException(403, user.name() + " may not open shells on device " + d.name() + " (group "
                    + (d.group() == null ? "none" : d.group()) + "; allowed: " + String.join(", ", groups) + ")");
        }
        DeviceShell shell;
        AgentLink link;
        synchronized (this) {
            link = links.get(d.name());
            if (link == null) {
                throw new ShellRefusedException(409, "device " + d.name() + " is offline" + (d.lastSeen() == null ? "" : " (last seen " + d.lastSeen() + ")"));
            }
            AgentMessage.Limits l = limitsOf(d.name());
            Map<Integer, DeviceShell> mine = shells.computeIfAbsent(d.name(), k -> new HashMap<>());
            if (mine.size() >= l.maxShells()) {
                throw new ShellRefusedException(429, "device " + d.name() + " already runs its limit of " + l.maxShells() + " shells");
            }
            long ofUser = mine.values().stream().filter(s -> s.user.equals(user.name())).count();
            if (ofUser >= l.maxShellsPerUser()) {
                throw new ShellRefusedException(429, user.name() + " already has the limit of " + l.maxShellsPerUser() + " shells on device "
                        + d.name() + "; close one first");
            }
            shell = new DeviceShell(this, shellIds.incrementAndGet(), d.name(), user.name(), link);
            mine.put(shell.id, shell);
        }
        link.send(new AgentMessage.Open(shell.id, user.name(), cols, rows));
        try {
            return shell.opened.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            removed(shell);
            throw e.getCause() instanceof ShellRefusedException r ? r : new ShellRefusedException(500, "the shell failed: " + e.getCause());
        } catch (TimeoutException e) {
            shell.end("the device did not start the shell within " + OPEN_TIMEOUT_SECONDS + " s");
            throw new ShellRefusedException(504, "device " + d.name() + " did not start the shell within " + OPEN_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shell.end("interrupted");
            throw new ShellRefusedException(500, "interrupted");
        }
    }

    // ---- limits ----

    private synchronized AgentMessage.Limits limitsOf(String device) {
        return limits.getOrDefault(device, AgentMessage.Limits.DEFAULT);
    }

    /** Ends shells past a limit; the reason is what their participants read. */
    private void reap() {
        try {
            long now = System.nanoTime();
            List<Map.Entry<DeviceShell, String>> ending = new ArrayList<>();
            synchronized (this) {
                for (var e : shells.entrySet()) {
                    AgentMessage.Limits l = limits.getOrDefault(e.getKey(), AgentMessage.Limits.DEFAULT);
                    for (DeviceShell s : e.getValue().values()) {
                        if (s.session() == null) continue;   // still opening: the open's own timeout covers it
                        String why = expired(s, l, now);
                        if (why != null) ending.add(Map.entry(s, why));
                    }
                }
            }
            for (var e : ending) {
                log.info("shell {} on {} of {} ends: {}", e.getKey().id, e.getKey().device, e.getKey().user, e.getValue());
                e.getKey().end(e.getValue());
            }
        } catch (RuntimeException e) {
            log.warn("device reaper: {}", e.toString());
        }
    }

    private static String expired(DeviceShell s, AgentMessage.Limits l, long now) {
        long detached = s.detachedNanos();
        if (detached != 0 && now - detached > TimeUnit.SECONDS.toNanos(l.graceSeconds())) {
            return "the device " + s.device + " stayed offline longer than " + l.graceSeconds() + " s";
        }
        if (l.maxAgeSeconds() > 0 && now - s.createdNanos > TimeUnit.SECONDS.toNanos(l.maxAgeSeconds())) {
            return "the shell reached its maximum age of " + l.maxAgeSeconds() + " s";
        }
        if (l.idleSeconds() > 0 && detached == 0 && now - s.activeNanos() > TimeUnit.SECONDS.toNanos(l.idleSeconds())) {
            return "the shell was idle for " + l.idleSeconds() + " s";
        }
        long empty = s.emptyNanos(now);
        if (empty != 0 && now - empty > TimeUnit.SECONDS.toNanos(l.graceSeconds())) {
            return "nobody was connected to the shell for " + l.graceSeconds() + " s";
        }
        return null;
    }

    @Override
    public void close() {
        reaper.shutdownNow();
    }

    private static String clip(String s) {
        if (s == null || s.isBlank()) return "unknown";
        String t = AgentLink.printable(s);
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
