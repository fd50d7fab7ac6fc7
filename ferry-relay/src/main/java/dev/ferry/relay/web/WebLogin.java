package dev.ferry.relay.web;

import dev.ferry.relay.auth.Accounts;
import dev.ferry.relay.auth.LoginSessions;
import dev.ferry.relay.auth.User;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The web login as the handlers check it: the session cookie names a login, the login names a
 * current account (a removed user's login ends at once), and a request that carries an Origin must
 * come from this relay's own pages (CSRF, cross-site WebSocket hijacking).
 */
record WebLogin(Accounts accounts, LoginSessions sessions) {

    /** The logged-in user of a request, or empty. */
    Optional<User> user(Request request) {
        String name = sessions.user(cookie(request));
        return name == null ? Optional.empty() : accounts.user(name);
    }

    static String cookie(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(WebSessions.COOKIE)) return c.getValue();
        }
        return null;
    }

    /** Browsers send Origin on every POST; when present it must be this relay. */
    static boolean sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) return true;
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
