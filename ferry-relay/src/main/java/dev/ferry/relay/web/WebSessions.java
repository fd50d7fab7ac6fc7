package dev.ferry.relay.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browsers: a random cookie value (256 bits) to the user's name, for twelve hours. Kept in
 * memory: a relay restart logs everyone out, which is the safe direction.
 */
final class WebSessions {
    static final String COOKIE = "ferry_session";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final int MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(String user, long expires) {}

    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();

    String create(String user) {
        if (byToken.size() >= MAX) purge();
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        byToken.put(token, new Entry(user, System.nanoTime() + LIFETIME.toNanos()));
        return token;
    }

    /** The user a cookie value stands for, or null when unknown or expired. */
    String user(String token) {
        if (token == null) return null;
        Entry e = byToken.get(token);
        if (e == null) return null;
        if (System.nanoTime() - e.expires() > 0) {
            byToken.remove(token);
            return null;
        }
        return e.user();
    }

    void remove(String token) {
        if (token != null) byToken.remove(token);
    }

    private void purge() {
        long now = System.nanoTime();
        byToken.values().removeIf(e -> now - e.expires() > 0);
        if (byToken.size() >= MAX) byToken.clear();   // a flood of logins: drop them all rather than grow
    }
}
