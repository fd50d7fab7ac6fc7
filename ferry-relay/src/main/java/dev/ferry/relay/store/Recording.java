package dev.ferry.relay.store;

import static dev.ferry.protocol.asciicast.JsonText.quote;

import java.time.Duration;
import java.time.Instant;

/**
 * One recording in the index.
 *
 * @param path         relative to the data directory
 * @param finished     null while the session runs (or until the relay's restart repairs it)
 * @param host         the account that hosted the session (its API key's owner); null for an anonymous host
 * @param participants how many joined, as "N (web rw, ssh ro)"
 */
public record Recording(String id, String path, Instant started, Instant finished, Duration duration, long bytes,
                        long lostBytes, int cols, int rows, String command, String host, String participants) {

    public String toJson() {
        return "{\"id\":" + quote(id) + ",\"started\":" + quote(started.toString())
                + ",\"finished\":" + quote(finished == null ? null : finished.toString())
                + ",\"duration\":" + duration.toMillis() / 1000.0 + ",\"bytes\":" + bytes + ",\"lost_bytes\":" + lostBytes
                + ",\"cols\":" + cols + ",\"rows\":" + rows + ",\"command\":" + quote(command) + ",\"host\":" + quote(host)
                + ",\"participants\":" + quote(participants) + "}";
    }
}
