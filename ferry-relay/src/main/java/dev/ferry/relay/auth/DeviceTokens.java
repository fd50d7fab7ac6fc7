package dev.ferry.relay.auth;

/**
 * Device tokens: {@code fd_ID_SECRET}, shaped like API keys (8 public characters, 32 random ones)
 * and stored the same way, as a SHA-256 under the public id.
 */
public final class DeviceTokens {
    static final String PREFIX = "fd_";

    private DeviceTokens() {}

    public static String generate() {
        return ApiKeys.generate(PREFIX);
    }

    /** The token's public id, or null when the text is not shaped like a device token. */
    public static String id(String token) {
        return ApiKeys.id(PREFIX, token);
    }
}
