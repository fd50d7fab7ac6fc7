package dev.ferry.relay.hub;

import dev.ferry.protocol.Tokens;
import dev.ferry.relay.auth.FailureLimiter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sessions of this relay, by token. Transports open sessions for sources and seat participants
 * by token; the hub knows nothing of how either is connected.
 */
public final class Hub implements AutoCloseable {
    private final HubLimits limits;
    private final SessionLog log;
    private final FailureLimiter failures;
    private final SessionObserver.Factory observers;
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;
    private volatile Endpoints endpoints = new Endpoints("localhost", 0, "http://localhost:8080");

    public Hub() {
        this(HubLimits.DEFAULT, SessionLog.NONE, new FailureLimiter());
    }

    public Hub(HubLimits limits, SessionLog log, FailureLimiter failures) {
        this(limits, log, failures, SessionObserver.Factory.NONE);
    }

    public Hub(HubLimits limits, SessionLog log, FailureLimiter failures, SessionObserver.Factory observers) {
        this.observers = observers;
        this.limits = limits;
        this.log = log;
        this.failures = failures;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-hub-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, limits.stallTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::dropStalled, period, period, TimeUnit.MILLISECONDS);
    }

    public HubLimits limits() { return limits; }

    public Endpoints endpoints() { return endpoints; }

    /** Set once the listeners are bound, before sessions are opened. */
    public void endpoints(Endpoints endpoints) { this.endpoints = endpoints; }

    /** Opens a session for a source, with fresh tokens (no read-write token when the spec is read-only). */
    public Session open(Source source, SessionSpec spec) {
        String rw = spec.readOnly() ? null : Tokens.readWrite();
        String ro = Tokens.readOnly();
        Session s = new Session(this, source, spec, rw, ro);
        log.started(s);
        s.observer(observers.open(s));
        sessions.put(s.id(), s);
        if (rw != null) byToken.put(rw, s);
        byToken.put(ro, s);
        return s;
    }

    /**
     * Seats a participant in the session its token names; the role follows the token. Unknown tokens,
     * ended sessions and addresses that failed too often are refused with a one-line reason.
     */
    public Seat join(String token, Participant participant, Seat.Style style) throws JoinRefusedException {
        String address = participant.address();
        if (failures.blocked(address)) {
            throw new JoinRefusedException(JoinRefusedException.TOO_MANY_FAILURES);
        }
        Session s = Tokens.wellFormed(token) ? byToken.get(token) : null;
        if (s == null) {
            failures.failed(address);
            throw new JoinRefusedException(JoinRefusedException.INVALID_TOKEN);
        }
        Role role = token.equals(s.readWriteToken()) ? Role.READ_WRITE : Role.READ_ONLY;
        return s.join(participant, role, style);
    }

    public List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    /** Ends every session with this reason (e.g. "relay shutting down"). */
    public void shutdown(String reason) {
        for (Session s : sessions()) {
            s.end(reason);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    void removed(Session s, String reason) {
        sessions.remove(s.id());
        if (s.readWriteToken() != null) byToken.remove(s.readWriteToken());
        byToken.remove(s.readOnlyToken());
        log.ended(s, reason);
    }

    private void dropStalled() {
        long now = System.nanoTime();
        long timeout = limits.stallTimeout().toNanos();
        for (Session s : sessions.values()) {
            try {
                s.dropStalled(now, timeout);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Hub.class).warn("watchdog: {}", e.toString());
            }
        }
    }
}
