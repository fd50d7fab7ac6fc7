package dev.ferry.relay;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.auth.HostAdmission;
import dev.ferry.relay.hub.Endpoints;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.record.RecordingService;
import dev.ferry.relay.store.Store;
import java.time.Clock;
import dev.ferry.relay.ssh.SshListener;
import dev.ferry.relay.web.WebListener;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: the store, the hub, and an ordered list of listeners (web, then SSH).
 * Starts them in order, stops them in reverse after telling every session why.
 */
public final class RelayServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RelayServer.class);
    public static final String SHUTDOWN_REASON = "relay shutting down";

    private final RelayConfig config;
    private final List<RelayListener> listeners;
    private final List<RelayListener> started = new ArrayList<>();
    private Store store;
    private RecordingService recordings;
    private Hub hub;

    public RelayServer(RelayConfig config, List<RelayListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /** The default set of listeners, in start order. */
    public static List<RelayListener> defaultListeners() {
        return List.of(new WebListener(), new SshListener());
    }

    public void start() throws Exception {
        store = Store.open(config.dataDir(), config.databaseUrl());
        recordings = new RecordingService(config.dataDir(), store,
                new RecordingService.Options(config.recordInput(), config.keepRecordings(), Clock.systemUTC()));
        recordings.start();
        FailureLimiter failures = new FailureLimiter();
        hub = new Hub(config.limits(), store, failures, recordings);
        hub.admission(new HostAdmission(store.accounts(), config.requireApiKey(), failures));
        Endpoints endpoints = new Endpoints(config.publicHost(), 0, "");
        try {
            for (RelayListener l : listeners) {
                l.start(hub, config, store);
                started.add(l);
                endpoints = l.endpoints(endpoints);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
        hub.endpoints(endpoints);
    }

    /** The start banner: what each listener serves, and how to create the first admin when there is none. */
    public List<String> banner() {
        List<String> lines = new ArrayList<>();
        for (RelayListener l : started) lines.addAll(l.banner());
        lines.add("data: " + config.dataDir());
        String files = OpenFileLimit.bannerLine(OpenFileLimit.current());
        if (files != null) lines.add(files);
        lines.add("hosting: " + (config.requireApiKey() ? "API key required (--require-api-key=false to open it)" : "open to anyone who can connect"));
        if (store.users().isEmpty()) {
            String where = config.databaseUrl() != null ? "--database-url URL" : "--data " + config.dataDir();
            lines.add("no users yet: create the first admin with `ferry user add NAME --role admin --password " + where
                    + "`, then `ferry apikey create --user NAME " + where + "`");
        }
        return lines;
    }

    public Hub hub() {
        return hub;
    }

    /** Tells every session the relay is going away, gives participants a moment to receive it, then stops. */
    @Override
    public void close() {
        if (hub != null) {
            hub.shutdown(SHUTDOWN_REASON);
            sleep(300);  // writers flush the goodbye; bounded, shutdown must not hang
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (RuntimeException e) {
                log.warn("{}", e.getMessage());
            }
        }
        started.clear();
        if (hub != null) hub.close();
        if (recordings != null) recordings.close();
        if (store != null) store.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
