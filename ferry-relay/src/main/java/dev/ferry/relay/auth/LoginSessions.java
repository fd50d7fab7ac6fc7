package dev.ferry.relay.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Logged-in browsers: a cookie value of 256 random bits stands for a user until it expires or the
 * browser logs out. The relay keeps them in its database (only their SHA-256), so relays sharing one
 * PostgreSQL share logins and a restart logs nobody out.
 */
public interface LoginSessions {
    Duration LIFETIME = Duration.ofHours(12);

    /** Starts a session for the user; returns the cookie value, which exists only in the browser afterwards. */
    String create(String user);

    /** The user a cookie value stands for, or null when unknown, expired or logged out. */
    String user(String token);

    /** Logs the session out (nothing when unknown). */
    void remove(String token);

    /** A fresh cookie value. */
    static String newToken() {
        byte[] b = new byte[32];
        Random.INSTANCE.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** What is stored for a cookie value: its SHA-256, hex (a leaked row cannot be replayed as a cookie). */
    static String hash(String token) {
        return ApiKeys.hash(token);
    }

    /** Well-formed cookie values only reach the database (43 characters of base64url). */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> c == '-' || c == '_'
                || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }

    final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();

        private Random() {}
    }
}
