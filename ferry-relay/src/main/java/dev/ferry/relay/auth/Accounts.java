package dev.ferry.relay.auth;

import java.util.List;
import java.util.Optional;

/** The account lookups the relay's transports need; the store implements it, read fresh on every call. */
public interface Accounts {
    Optional<User> user(String name);

    /** The owner of a valid, unrevoked API key (its last-used time is recorded). */
    Optional<User> byApiKey(String key);

    List<UserKey> keys(String user);

    /**
     * The one account that registered the SSH key with this {@code SHA256:} fingerprint; empty when
     * none did, or when several did (the key then proves no single identity).
     */
    default Optional<User> byKey(String fingerprint) {
        return Optional.empty();
    }

    /** No accounts at all: every API key is refused. */
    Accounts NONE = new Accounts() {
        @Override public Optional<User> user(String name) { return Optional.empty(); }
        @Override public Optional<User> byApiKey(String key) { return Optional.empty(); }
        @Override public List<UserKey> keys(String user) { return List.of(); }
    };
}
