package dev.ferry.relay.tmate;

import dev.ferry.relay.auth.HostAdmission;
import dev.ferry.relay.auth.HostRefusedException;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.SessionAccess;
import dev.ferry.relay.hub.SessionNameTakenException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's tmate sessions as tmate hosts see them: admits a host at its READY (API key, session
 * names, the relay's key requirement) and opens its session, or gives a reconnecting host its
 * session back when the reconnection data it presents names one still waiting for it.
 *
 * <p>Reconnection data is an opaque random secret the relay hands the host (tmate keeps it in
 * {@code tmate_reconnection_data} and sends it back after a drop); it is replaced on every
 * reconnection and dies with the session.
 */
public final class TmateSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TmateSessions.class);
    /** How long a session whose host lost its connection waits for the host to come back. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    static final int MAX_RECONNECTION_DATA = 256;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Hub hub;
    private final Duration grace;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, TmateSession> byReconnectionData = new ConcurrentHashMap<>();
    private final Set<TmateSession> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferry-tmate-grace");
        t.setDaemon(true);
        return t;
    });

    public TmateSessions(Hub hub) {
        this(hub, DEFAULT_GRACE);
    }

    public TmateSessions(Hub hub, Duration grace) {
        this.hub = hub;
        this.grace = grace;
    }

    Hub hub() {
        return hub;
    }

    Duration grace() {
        return grace;
    }

    /** The grace period as people read it: "60 s" (or "300 ms" when under a second). */
    String graceText() {
        return grace.toSeconds() > 0 ? grace.toSeconds() + " s" : grace.toMillis() + " ms";
    }

    /**
     * OUT READY from a host: the session it reconnects to, or a new one; null when the host was
     * refused (it has been told why and its link is closing).
     */
    TmateSession ready(TmateHost link, HostOptions options, String reconnectionData, String address) {
        if (reconnectionData != null) {
            TmateSession s = byReconnectionData.get(reconnectionData);
            if (s != null && s.reattach(link)) {
                LOG.info("tmate session {} reconnected from {}", s.id(), address);
                return s;
            }
            // Unknown (expired, or another relay's): a fresh session with fresh links, as tmate-ssh-server does.
        }
        String named = Notices.badNames(options.sessionName(), options.sessionNameRo());
        if (named != null) {
            link.refuse(List.of(named));
            return null;
        }
        SessionAccess access;
        try {
            access = hub.admission().admit(new HostAdmission.Request(options.apiKey(), options.sessionName(),
                    options.sessionNameRo(), List.of(), ""), address);
        } catch (HostRefusedException e) {
            LOG.info("tmate host from {} refused: {}", address, e.getMessage());
            link.refuse(Notices.refused(e.getMessage()));
            return null;
        }
        if (options.authorizedKeys()) {
            // -a FILE: only joiners proving one of these keys get in (the hub checks, for every transport).
            access = new SessionAccess(access.owner(), access.name(), access.nameRo(),
                    AuthorizedKeys.fingerprints(options.authorizedKeyLines()));
        }
        TmateSession s = new TmateSession(this, link, options.foreground());
        live.add(s);   // before it opens, so that its end always finds it here
        try {
            s.open(access, address);
        } catch (SessionNameTakenException e) {
            // A restarted tmate (no reconnection data) may take its names back from a session still
            // waiting for its old connection; a name whose host is connected stays refused.
            if (!endWaitingHolders(access)) {
                live.remove(s);
                LOG.info("tmate host from {} refused: {}", address, e.getMessage());
                link.refuse(List.of(e.getMessage()));
                return null;
            }
            try {
                s.open(access, address);
            } catch (SessionNameTakenException again) {
                live.remove(s);
                link.refuse(List.of(again.getMessage()));
                return null;
            }
        }
        return s;
    }

    /**
     * Ends the sessions waiting for their host that hold one of these named tokens (the owner is
     * part of the token, so only the owner's own sessions match). False when none was waiting.
     */
    private boolean endWaitingHolders(SessionAccess access) {
        if (access.owner() == null) return false;
        Set<String> wanted = new java.util.HashSet<>();
        if (access.name() != null) wanted.add(access.owner() + "/" + access.name());
        if (access.nameRo() != null) wanted.add(access.owner() + "/" + access.nameRo());
        boolean ended = false;
        for (TmateSession held : List.copyOf(live)) {
            if (held.endIfWaitingFor(wanted)) ended = true;
        }
        return ended;
    }

    void ended(TmateSession s) {
        live.remove(s);
    }

    /** A fresh secret for this session, replacing its previous one. */
    String issue(TmateSession s, String previous) {
        if (previous != null) byReconnectionData.remove(previous, s);
        StringBuilder b = new StringBuilder("fr1-");
        for (int i = 0; i < 40; i++) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        String secret = b.toString();
        byReconnectionData.put(secret, s);
        return secret;
    }

    void forget(String secret, TmateSession s) {
        if (secret != null) byReconnectionData.remove(secret, s);
    }

    ScheduledFuture<?> later(Duration delay, Runnable task) {
        return timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
