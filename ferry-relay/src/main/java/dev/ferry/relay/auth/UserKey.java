package dev.ferry.relay.auth;

/** A user's registered SSH public key: {@code publicKey} is "TYPE BASE64", the fingerprint {@code SHA256:...}. */
public record UserKey(String user, String fingerprint, String publicKey, String comment, String created) {}
