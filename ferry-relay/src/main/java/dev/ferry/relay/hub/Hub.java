package dev.ferry.relay.hub;

import dev.ferry.protocol.Tokens;
import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.auth.HostAdmission;
import dev.ferry.relay.auth.UserNames;
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
    /**
     * Compacts quiet screens, one at a time, on a platform thread of its own: a few milliseconds of
     * CPU each, which on a virtual thread would hold a carrier from live sessions (and when thousands
     * go quiet together, hold them all), and on the watchdog would delay its stall checks.
     */
    private final ScheduledExecutorService compactor;
    private volatile HostAdmission admission = HostAdmission.open();
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
        long compactPeriod = Math.max(50, Math.min(1000, limits.compactAfter().toMillis() / 4));
        this.compactor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-hub-compactor");
            t.setDaemon(true);
            return t;
        });
        compactor.scheduleWithFixedDelay(this::compactQuiet, compactPeriod, compactPeriod, TimeUnit.MILLISECONDS);
    }

    public HubLimits limits() { return limits; }

    /** Who may host and how sessions are reached (accounts, API keys); open to anyone until set. */
    public HostAdmission admission() { return admission; }

    /** Set once at start, before sessions are opened. */
    public void admission(HostAdmission admission) { this.admission = admission; }

    /** The relay's limiter of failed attempts (tokens, API keys, logins), per address. */
    public FailureLimiter failures() { return failures; }

    public Endpoints endpoints() { return endpoints; }

    /** Set once the listeners are bound, before sessions are opened. */
    public void endpoints(Endpoints endpoints) { this.endpoints = endpoints; }

    /**
     * Opens a session for a source, with fresh tokens (no read-write token when the spec is read-only);
     * a named session's token is {@code owner/name}. A name a live session holds throws
     * {@link SessionNameTakenException}.
     */
    public Session open(Source source, SessionSpec spec) {
        SessionAccess a = spec.access();
        String rw = spec.readOnly() ? null : a.name() != null ? a.owner() + "/" + a.name() : Tokens.readWrite();
        String ro = a.nameRo() != null ? a.owner() + "/" + a.nameRo() : Tokens.readOnly();
        Session s = new Session(this, source, spec, rw, ro);
        synchronized (byToken) {   // names are claimed together or not at all
            for (String t : new String[] {rw, ro}) {
                if (t != null && byToken.containsKey(t)) throw new SessionNameTakenException(t);
            }
            s.observer(observers.open(s));  // before any token works, so no join is missed; does no I/O
            if (rw != null) byToken.put(rw, s);
            byToken.put(ro, s);
        }
        sessions.put(s.id(), s);
        log.started(s);
        return s;
    }

    /**
     * The access rule of the session a token names, or null when no live session has it. Lets a
     * transport ask for the right proof (e.g. which SSH keys) before the participant is seated.
     */
    public SessionAccess access(String token) {
        Session s = named(token);
        return s == null ? null : s.spec().access();
    }

    /** The id of the live session a token names, or null. */
    public String sessionId(String token) {
        Session s = named(token);
        return s == null ? null : s.id();
    }

    /** How many participants the live session a token names has (0 when none). */
    public int participantCount(String token) {
        Session s = named(token);
        return s == null ? 0 : s.participantCount();
    }

    /** Whether the session this token names has a source that compresses its output itself ({@link Source#deflatesOutput}). */
    public boolean outputDeflated(String token) {
        Session s = named(token);
        return s != null && s.outputDeflated();
    }

    /** The live session a token names, or null (a token that is not well formed names none). */
    private Session named(String token) {
        return wellFormed(token) ? byToken.get(token) : null;
    }

    private static boolean wellFormed(String token) {
        if (Tokens.wellFormed(token)) return true;
        int slash = token == null ? -1 : token.indexOf('/');
        return slash > 0 && UserNames.valid(token.substring(0, slash)) && UserNames.valid(token.substring(slash + 1));
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
        Session s = named(token);
        if (s == null) {
            failures.failed(address);
            throw new JoinRefusedException(JoinRefusedException.INVALID_TOKEN);
        }
        if (!s.spec().access().admits(participant.keyFingerprints())) {
            failures.failed(address);
            throw new JoinRefusedException(JoinRefusedException.KEY_REQUIRED);
        }
        Role role = token.equals(s.readWriteToken()) && participant.mayWrite() ? Role.READ_WRITE : Role.READ_ONLY;
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
        compactor.shutdownNow();
    }

    void removed(Session s, String reason) {
        sessions.remove(s.id());
        synchronized (byToken) {
            if (s.readWriteToken() != null) byToken.remove(s.readWriteToken(), s);
            byToken.remove(s.readOnlyToken(), s);
        }
        log.ended(s, reason);
    }

    private void compactQuiet() {
        long now = System.nanoTime(), quiet = limits.compactAfter().toNanos();
        eachSession("compaction", s -> s.compactIfQuiet(now, quiet));
    }

    private void dropStalled() {
        long now = System.nanoTime(), timeout = limits.stallTimeout().toNanos();
        eachSession("watchdog", s -> s.dropStalled(now, timeout));
    }

    /** Runs a timer's work on every session; one session's failure is logged and the others go on. */
    private void eachSession(String what, java.util.function.Consumer<Session> work) {
        for (Session s : sessions.values()) {
            try {
                work.accept(s);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Hub.class).warn("{}: {}", what, e.toString());
            }
        }
    }
}
