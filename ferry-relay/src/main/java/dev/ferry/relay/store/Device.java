package dev.ferry.relay.store;

/**
 * A registered device, as the store knows it. Times are ISO-8601 text; {@code group} is null when
 * the device is in no group; the agent fields are what its agent said last (null before it ever connected).
 */
public record Device(String name, String group, String created, String revoked, boolean online, String lastSeen,
        String agentVersion, String os, String hostname) {

    public boolean isRevoked() {
        return revoked != null;
    }
}
