package dev.ferry.relay.web;

import static dev.ferry.protocol.asciicast.JsonText.quote;

import dev.ferry.relay.auth.UserNames;
import dev.ferry.relay.store.AuditEvent;
import dev.ferry.relay.store.Recording;
import dev.ferry.relay.store.Store;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.server.Response;

/**
 * {@code GET /api/recordings}, {@code /api/recordings/{id}.cast}, {@code /api/audit} (JSON), and the
 * replay pages {@code /recordings} and {@code /recordings/{id}} (static HTML that reads the API).
 * Every request passes {@link Access} first: an anonymous API call gets 401, an anonymous page view
 * a redirect to the login form, a wrong role 403; API errors are JSON ({@code {"error": "..."}}).
 * Query filters: {@code since} (ISO date or instant), {@code user} (recordings: the host's account;
 * audit: the acting account), {@code session} (audit).
 */
final class RecordingsApi extends Handler.Wrapper {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Store store;
    private final Path dataDir;
    private final Callers callers;

    RecordingsApi(Handler next, Store store, Path dataDir, Callers callers) {
        super(next);
        this.store = store;
        this.dataDir = dataDir;
        this.callers = callers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Access.Action action = action(path);
        if (action == null) return super.handle(request, response, callback);
        boolean api = path.startsWith("/api/");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            error(request, response, callback, api, HttpStatus.METHOD_NOT_ALLOWED_405, "only GET");
            return true;
        }
        switch (Access.decide(callers.identify(request, true), action)) {
            case Access.Decision.Allowed allowed -> { }
            case Access.Decision.LogIn login -> {
                if (!api) return redirect(response, callback, "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"ferry\"");
                error(request, response, callback, true, HttpStatus.UNAUTHORIZED_401, login.message());
                return true;
            }
            case Access.Decision.Refused refused -> {
                error(request, response, callback, api, refused.status(), refused.message());
                return true;
            }
        }
        Fields query = Request.extractQueryParameters(request);
        Instant since;
        String user = query.getValue("user");
        try {
            since = since(query.getValue("since"));
            if (user != null) UserNames.check("user name", user);
        } catch (IllegalArgumentException e) {
            error(request, response, callback, api, HttpStatus.BAD_REQUEST_400, e.getMessage());
            return true;
        }
        if (path.equals("/api/recordings")) {
            json(response, callback, array(store.recordings().list(since, user), Recording::toJson));
        } else if (path.equals("/api/audit")) {
            String session = query.getValue("session");
            if (session != null && !ID.matcher(session).matches()) {
                error(request, response, callback, true, HttpStatus.BAD_REQUEST_400, "session must be a session id");
                return true;
            }
            json(response, callback, array(store.audit().list(session, since, user), AuditEvent::toJson));
        } else if (path.startsWith("/api/recordings/")) {
            cast(request, response, callback, path.substring("/api/recordings/".length(), path.length() - ".cast".length()));
        } else {
            page(request, response, callback, path.startsWith("/recordings/") && path.length() > "/recordings/".length()
                    ? "static/replay.html" : "static/recordings.html");
        }
        return true;
    }

    /** A JSON error for the API, Jetty's error page for the HTML pages. */
    private static void error(Request request, Response response, Callback callback, boolean api, int status, String message) {
        if (!api) {
            Response.writeError(request, response, callback, status, message);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        String body = "{\"error\":" + quote(message) + "}\n";
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static boolean redirect(Response response, Callback callback, String location) {
        response.setStatus(HttpStatus.SEE_OTHER_303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        callback.succeeded();
        return true;
    }

    private static Access.Action action(String path) {
        if (path.equals("/api/recordings") || path.equals("/recordings") || path.equals("/recordings/")) {
            return Access.Action.LIST_RECORDINGS;
        }
        if (path.startsWith("/api/recordings/") && path.endsWith(".cast")) return Access.Action.READ_RECORDING;
        if (path.startsWith("/recordings/") && ID.matcher(path.substring("/recordings/".length())).matches()) {
            return Access.Action.READ_RECORDING;
        }
        if (path.equals("/api/audit")) return Access.Action.READ_AUDIT;
        return null;
    }

    /** {@code 2026-11-20} (midnight UTC) or a full instant; null when absent. */
    static Instant since(String value) {
        if (value == null || value.isEmpty()) return null;
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be a date (2026-11-20) or an instant (2026-11-20T10:00:00Z), got '"
                    + value + "'");
        }
    }

    private void cast(Request request, Response response, Callback callback, String id) {
        Optional<Recording> r = ID.matcher(id).matches() ? store.recordings().get(id) : Optional.empty();
        Path file = r.map(rec -> dataDir.resolve(rec.path()).normalize()).orElse(null);
        if (file == null || !file.startsWith(dataDir.normalize()) || !Files.isRegularFile(file)) {
            error(request, response, callback, true, HttpStatus.NOT_FOUND_404, "no such recording");
            return;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-asciicast");
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "inline; filename=\"" + id + ".cast\"");
        Content.copy(Content.Source.from(file), response, callback);
    }

    private static void page(Request request, Response response, Callback callback, String resource) throws Exception {
        byte[] page;
        try (var in = RecordingsApi.class.getClassLoader().getResourceAsStream(resource)) {
            page = in == null ? null : in.readAllBytes();
        }
        if (page == null) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404, "the replay pages are not part of this build");
            return;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(page), callback);
    }

    private static <T> String array(List<T> rows, Function<T, String> json) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) b.append(",\n");
            b.append(json.apply(rows.get(i)));
        }
        return b.append("]\n").toString();
    }

    private static void json(Response response, Callback callback, String body) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
