package dev.ferry.relay;

import dev.ferry.relay.hub.Endpoints;
import dev.ferry.relay.hub.Hub;
import java.util.List;

/**
 * One way in to the relay (web, SSH, ...). {@link RelayServer} starts its listeners in order and
 * stops them in reverse; each adapts its transport to the {@link Hub}.
 */
public interface RelayListener extends AutoCloseable {
    /** Binds and starts serving. */
    void start(Hub hub, RelayConfig config) throws Exception;

    /** Binds and starts serving, with the relay's database (for listeners that serve recordings and the audit log). */
    default void start(Hub hub, RelayConfig config, dev.ferry.relay.store.Store store) throws Exception {
        start(hub, config);
    }

    /** Lines for the start banner, once started: URLs served, key fingerprints. */
    List<String> banner();

    /** The links this listener serves, filled into {@code e}. */
    Endpoints endpoints(Endpoints e);

    /** Stops serving. */
    @Override
    void close();
}
