package dev.ferry.relay.store;

import static dev.ferry.protocol.asciicast.JsonText.quote;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param kind        "start", "end", "join", "leave" or "input"
 * @param participant the seat's number in its session (join, leave, input); 0 for the session's own events
 * @param transport   "ssh", "web", "cli" for participants; the host's link ("web") for start and end
 * @param access      "read-write" or "read-only"
 * @param user        the account: the host's (its API key's owner) for start, the participant's proven login or
 *                    API key for join and leave; null when anonymous
 * @param detail      start: the command; end: the reason; input: the byte count
 */
public record AuditEvent(String sessionId, int seq, Instant at, String kind, int participant, String transport,
                         String address, String keyFingerprint, String access, String user, String detail) {

    public String toJson() {
        return "{\"session\":" + quote(sessionId) + ",\"seq\":" + seq + ",\"at\":" + quote(at.toString())
                + ",\"kind\":" + quote(kind) + ",\"participant\":" + (participant == 0 ? "null" : participant)
                + ",\"transport\":" + quote(transport) + ",\"address\":" + quote(address)
                + ",\"key_fingerprint\":" + quote(keyFingerprint) + ",\"access\":" + quote(access)
                + ",\"user\":" + quote(user) + ",\"detail\":" + quote(detail) + "}";
    }
}
