package dev.ferry.relay.hub;

/**
 * The transport's side of someone watching a session: an SSH joiner, a browser, a CLI. The hub
 * never writes to it: it queues {@link Delivery deliveries} in the participant's {@link Seat} and
 * wakes it; the participant's own writer drains the seat and does the I/O.
 *
 * <p>{@link #wake} and {@link #disconnect} must not block.
 */
public interface Participant {
    /** How it is connected, for notices and logs: "web", "ssh", "cli". */
    String transport();

    /** Where it comes from (an IP address), for notices, logs and rate limiting. */
    String address();

    /** The fingerprint ({@code SHA256:...}) of the key the participant proved it holds, or null. For the audit log. */
    default String keyFingerprint() {
        return null;
    }

    /**
     * The account this participant proved it is (a logged-in browser, an API key, an SSH key a user
     * registered), or null when anonymous. For the audit log; must not block (decided before joining).
     */
    default String user() {
        return null;
    }

    /**
     * The {@code SHA256:} fingerprints of the SSH keys this participant has proven it holds (SSH: the
     * key whose signature the server verified; web: the keys of the logged-in user). Restricted
     * sessions admit only participants with a listed one.
     */
    default java.util.Set<String> keyFingerprints() {
        return java.util.Set.of();
    }

    /**
     * False when the participant's account may only watch (a logged-in {@code viewer}): it is seated
     * read-only even with a read-write token.
     */
    default boolean mayWrite() {
        return true;
    }

    /** Something is waiting in the seat: drain it. Idempotent; called often. */
    void wake();

    /** The hub gave up on this participant (it stalled); close the connection with this reason. */
    void disconnect(String reason);
}
