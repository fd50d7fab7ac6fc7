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
 * @param recordInput    also record participants' keystrokes in recordings ("i" events)
 * @param keepRecordings recordings older than this are deleted; null keeps them forever
 */
public record RelayConfig(String listen, int httpPort, int sshPort, URI publicUrl, Path dataDir, HubLimits limits,
                          boolean recordInput, java.time.Duration keepRecordings) {

    public RelayConfig(String listen, int httpPort, int sshPort, URI publicUrl, Path dataDir, HubLimits limits) {
        this(listen, httpPort, sshPort, publicUrl, dataDir, limits, false, dev.ferry.relay.record.RecordingService.Options.DEFAULT_KEEP);
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
