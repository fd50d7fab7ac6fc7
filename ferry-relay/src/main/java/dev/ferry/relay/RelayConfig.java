package dev.ferry.relay;

import dev.ferry.relay.hub.HubLimits;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;

/**
 * The relay's settings once resolved (see {@link Settings} for where they come from).
 *
 * @param listen    the address to bind ("0.0.0.0" for all)
 * @param httpPort  HTTP/WebSocket port; 0 picks a free one
 * @param sshPort   SSH port; 0 picks a free one
 * @param publicUrl how participants reach the web side (null: derived from the bound address)
 * @param dataDir   database, host keys, recordings
 * @param limits    participants' queue size and stall timeout
 * @param databaseUrl JDBC URL of the database; null for SQLite in the data directory
 * @param requireApiKey hosts must present an API key (of an admin or operator) to share
 * @param tlsCert   PEM certificate chain for HTTPS/WSS; null serves plain HTTP
 * @param tlsKey    PEM (PKCS#8) private key for {@code tlsCert}
 * @param recordInput    also record participants' keystrokes in recordings ("i" events)
 * @param keepRecordings recordings older than this are deleted; null keeps them forever
 * @param tmateGrace     how long a tmate session whose host dropped off the network waits for it to reconnect
 */
public record RelayConfig(String listen, int httpPort, int sshPort, URI publicUrl, Path dataDir, HubLimits limits,
        String databaseUrl, boolean requireApiKey, Path tlsCert, Path tlsKey, boolean recordInput,
        java.time.Duration keepRecordings, java.time.Duration tmateGrace) {

    /** Plain HTTP, SQLite in the data directory, hosting open to anyone: a loopback test relay. */
    public RelayConfig(String listen, int httpPort, int sshPort, URI publicUrl, Path dataDir, HubLimits limits) {
        this(listen, httpPort, sshPort, publicUrl, dataDir, limits, null, false, null, null);
    }

    /** Recordings with the defaults: no input, kept 30 days. */
    public RelayConfig(String listen, int httpPort, int sshPort, URI publicUrl, Path dataDir, HubLimits limits,
            String databaseUrl, boolean requireApiKey, Path tlsCert, Path tlsKey) {
        this(listen, httpPort, sshPort, publicUrl, dataDir, limits, databaseUrl, requireApiKey, tlsCert, tlsKey, false,
                dev.ferry.relay.record.RecordingService.Options.DEFAULT_KEEP, dev.ferry.relay.tmate.TmateSessions.DEFAULT_GRACE);
    }

    public boolean tls() {
        return tlsCert != null;
    }

    /** True when {@code listen} is a loopback address (only this machine can connect). */
    public static boolean loopback(String listen) {
        String l = listen.strip();
        return l.equals("localhost") || l.startsWith("127.") || l.equals("::1") || l.equals("[::1]");
    }

    /** The host name to put in links when no public URL says otherwise. */
    public String publicHost() {
        if (publicUrl != null && publicUrl.getHost() != null) {
            return publicUrl.getHost();
        }
        if (!listen.equals("0.0.0.0") && !listen.equals("::") && !listen.isEmpty()) {
            return listen;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
