package dev.ferry.relay.web;

import dev.ferry.relay.auth.LoginSessions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions in memory, for a web listener started without a database (tests of the web side);
 * the relay itself keeps them in its store. Also holds the cookie's name.
 */
final class WebSessions implements LoginSessions {
    static final String COOKIE = "ferry_session";
    private static final int MAX = 10_000;

    private record Entry(String user, long expires) {}

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();

    @Override
    public String create(String user) {
        if (byHash.size() >= MAX) purge();
        String token = LoginSessions.newToken();
        byHash.put(LoginSessions.hash(token), new Entry(user, System.nanoTime() + LIFETIME.toNanos()));
        return token;
    }

    @Override
    public String user(String token) {
        if (!LoginSessions.wellFormed(token)) return null;
        String hash = LoginSessions.hash(token);
        Entry e = byHash.get(hash);
        if (e == null) return null;
        if (System.nanoTime() - e.expires() > 0) {
            byHash.remove(hash);
            return null;
        }
        return e.user();
    }

    @Override
    public void remove(String token) {
        if (LoginSessions.wellFormed(token)) byHash.remove(LoginSessions.hash(token));
    }

    private void purge() {
        long now = System.nanoTime();
        byHash.values().removeIf(e -> now - e.expires() > 0);
        if (byHash.size() >= MAX) byHash.clear();   // a flood of logins: drop them all rather than grow
    }
}
