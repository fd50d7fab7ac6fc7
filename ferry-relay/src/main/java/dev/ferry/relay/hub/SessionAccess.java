package dev.ferry.relay.hub;

import java.util.Set;

/**
 * Who may reach a session besides its random tokens, decided when the host opens it.
 *
 * @param owner       the account that hosts it (null: anonymous host)
 * @param name        read-write name: the token is {@code owner/name} (null: a random token)
 * @param nameRo      read-only name: the token is {@code owner/nameRo} (null: a random token)
 * @param allowedKeys {@code SHA256:} fingerprints of the keys a participant must prove; null: anyone with a token
 */
public record SessionAccess(String owner, String name, String nameRo, Set<String> allowedKeys) {
    public static final SessionAccess OPEN = new SessionAccess(null, null, null, null);

    public SessionAccess {
        allowedKeys = allowedKeys == null ? null : Set.copyOf(allowedKeys);
    }

    public boolean restricted() {
        return allowedKeys != null;
    }

    /** True when a participant holding these verified key fingerprints may join. */
    public boolean admits(Set<String> fingerprints) {
        return allowedKeys == null || fingerprints.stream().anyMatch(allowedKeys::contains);
    }
}
