package dev.ferry.relay.web;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.auth.LoginSessions;
import dev.ferry.relay.auth.PasswordHasher;
import dev.ferry.relay.auth.User;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web login: {@code GET /login} shows the form, {@code POST /login} checks the name and password
 * (Argon2id; failures rate-limited per address) and sets the session cookie (HttpOnly,
 * SameSite=Strict, Secure under TLS), {@code POST /logout} ends it, {@code GET /api/me} says who is
 * logged in. Posts must come from this relay's own pages: a foreign Origin is refused (CSRF), and
 * SameSite=Strict keeps the cookie off cross-site requests anyway.
 */
final class LoginHandler extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(LoginHandler.class);
    private static final int MAX_FORM = 4096;

    private final WebLogin login;
    private final FailureLimiter failures;
    private final boolean secure;

    LoginHandler(Handler next, WebLogin login, FailureLimiter failures, boolean secure) {
        super(next);
        this.login = login;
        this.failures = failures;
        this.secure = secure;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        switch (path) {
            case "/login" -> {
                if (method.equals("GET")) return page(response, callback, HttpStatus.OK_200, null, next(request));
                if (method.equals("POST")) return login(request, response, callback);
            }
            case "/logout" -> {
                if (method.equals("POST")) return logout(request, response, callback);
            }
            case "/api/me" -> {
                if (method.equals("GET")) return me(request, response, callback);
            }
            default -> {
                return super.handle(request, response, callback);
            }
        }
        Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        return true;
    }

    private boolean login(Request request, Response response, Callback callback) throws Exception {
        if (!WebLogin.sameOrigin(request)) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "cross-site form posts are refused");
            return true;
        }
        String address = Request.getRemoteAddr(request);
        if (request.getLength() < 0 || request.getLength() > MAX_FORM) {
            return page(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "The form is too large", "/");
        }
        Fields form = Request.getParameters(request);
        String name = form.getValue("name"), password = form.getValue("password"), next = safeNext(form.getValue("next"));
        if (failures.blocked(address)) {
            return page(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, FailureLimiter.TOO_MANY, next);
        }
        Optional<User> user = name == null || name.length() > 64 ? Optional.empty() : login.accounts().user(name);
        boolean ok = user.isPresent() && user.get().passwordHash() != null && PasswordHasher.verify(password, user.get().passwordHash());
        if (!ok) {
            failures.failed(address);
            log.info("web login failed from {}", address);   // never the name typed (it may be a password) or the password
            return page(response, callback, HttpStatus.UNAUTHORIZED_401, "Wrong name or password", next);
        }
        String token = login.sessions().create(user.get().name());
        response.getHeaders().put(HttpHeader.SET_COOKIE, WebSessions.COOKIE + "=" + token
                + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + LoginSessions.LIFETIME.toSeconds() + (secure ? "; Secure" : ""));
        log.info("web login of {} from {}", user.get().name(), address);
        return Replies.redirect(response, callback, next);
    }

    private boolean logout(Request request, Response response, Callback callback) {
        if (!WebLogin.sameOrigin(request)) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "cross-site form posts are refused");
            return true;
        }
        login.sessions().remove(WebLogin.cookie(request));
        response.getHeaders().put(HttpHeader.SET_COOKIE, WebSessions.COOKIE
                + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure ? "; Secure" : ""));
        return Replies.redirect(response, callback, "/login");
    }

    private boolean me(Request request, Response response, Callback callback) {
        Optional<User> u = login.user(request);
        String body = u.map(x -> "{\"user\":\"" + x.name() + "\"}").orElse("{\"user\":null}");
        return Replies.json(response, callback, u.isPresent() ? HttpStatus.OK_200 : HttpStatus.UNAUTHORIZED_401, body);
    }

    private static String next(Request request) {
        return safeNext(Request.extractQueryParameters(request).getValue("next"));
    }

    /** Only a path on this relay: no scheme, no "//host", no backslashes (an open redirect otherwise). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 300) return "/";
        return next;
    }

    private static boolean page(Response response, Callback callback, int status, String error, String next) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Ferry: log in</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/ferry.css"></head>
                <body class="login"><main>
                <h1>Ferry</h1>
                %s
                <form method="post" action="/login">
                <input type="hidden" name="next" value="%s">
                <label>Name <input id="name" name="name" autocomplete="username" required autofocus></label>
                <label>Password <input id="password" name="password" type="password" autocomplete="current-password" required></label>
                <button id="submit" type="submit">Log in</button>
                </form></main></body></html>
                """.formatted(error == null ? "" : "<p id=\"error\" role=\"alert\">" + Replies.escape(error) + "</p>",
                Replies.escape(next));
        return Replies.html(response, callback, status, html);
    }
}
