package dev.ferry.relay.web;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.auth.User;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;

/**
 * Who is making an HTTP request: the owner of an {@code Authorization: Bearer API-KEY} header when
 * there is one (a bad key is refused, and counts as a failed attempt of the address), otherwise the
 * user of the web login cookie, otherwise nobody. No address is trusted by itself, loopback included.
 */
final class Callers {
    /** The outcome of identifying a request. */
    sealed interface Caller {
        /** A known, current account. */
        record Known(User user) implements Caller {}

        /** No credentials (or an expired login). */
        record Anonymous() implements Caller {}

        /** Credentials that did not check out: answer with this status and one-line message. */
        record Refused(int status, String message) implements Caller {}
    }

    static final String BAD_KEY = "the API key is invalid or revoked";
    static final String BEARER_ONLY = "the Authorization header must be 'Bearer API-KEY'";

    private final WebLogin login;
    private final FailureLimiter failures;

    Callers(WebLogin login, FailureLimiter failures) {
        this.login = login;
        this.failures = failures;
    }

    /**
     * The caller of a request. {@code cookieAllowed} is false where a cookie must not count (a
     * WebSocket upgrade from a foreign page: cross-site WebSocket hijacking).
     */
    Caller identify(Request request, boolean cookieAllowed) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null) return byApiKey(authorization, Request.getRemoteAddr(request));
        if (!cookieAllowed) return new Caller.Anonymous();
        return login.user(request).<Caller>map(Caller.Known::new).orElseGet(Caller.Anonymous::new);
    }

    private Caller byApiKey(String authorization, String address) {
        if (failures.blocked(address)) return new Caller.Refused(HttpStatus.TOO_MANY_REQUESTS_429, FailureLimiter.TOO_MANY);
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return new Caller.Refused(HttpStatus.UNAUTHORIZED_401, BEARER_ONLY);
        }
        Optional<User> user = login.accounts().byApiKey(authorization.substring(space + 1).strip());
        if (user.isEmpty()) {
            failures.failed(address);
            return new Caller.Refused(HttpStatus.UNAUTHORIZED_401, BAD_KEY);
        }
        return new Caller.Known(user.get());
    }
}
