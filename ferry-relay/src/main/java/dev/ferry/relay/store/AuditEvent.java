package dev.ferry.relay.store;

import static dev.ferry.protocol.asciicast.JsonText.quote;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param kind        "start", "end", "join", "leave" or "input"
 * @param participant the seat's number in its session (join, leave, input); 0 for the session's own events
 * @param transport   "ssh", "web", "cli" for participants; the host's link for start and end ("web", "ssh" for tmate)
 * @param access      "read-write" or "read-only"
 * @param user        the account that acted, null when anonymous: for start and end the host's (the owner of the
 *                    API key it shared with), for join, leave and input the participant's (logged-in browser,
 *                    API key, or the one user who registered the SSH key it proved)
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
