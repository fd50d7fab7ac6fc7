package dev.ferry.relay.web;

import dev.ferry.relay.store.AuditEvent;
import dev.ferry.relay.store.Recording;
import dev.ferry.relay.store.Store;
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
 * Every request passes {@link Access} first. Query filters: {@code since} (ISO date or instant),
 * {@code session} (audit).
 */
final class RecordingsApi extends Handler.Wrapper {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Store store;
    private final Path dataDir;
    private final Access access;

    RecordingsApi(Handler next, Store store, Path dataDir, Access access) {
        super(next);
        this.store = store;
        this.dataDir = dataDir;
        this.access = access;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Access.Action action = action(path);
        if (action == null) return super.handle(request, response, callback);
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "only GET");
            return true;
        }
        if (!access.permits(request, action)) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403,
                    "recordings and the audit log are served to the relay's own machine only");
            return true;
        }
        Fields query = Request.extractQueryParameters(request);
        Instant since;
        try {
            since = since(query.getValue("since"));
        } catch (IllegalArgumentException e) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage());
            return true;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (path.equals("/api/recordings")) {
            json(response, callback, array(store.recordings().list(since), Recording::toJson));
        } else if (path.equals("/api/audit")) {
            String session = query.getValue("session");
            if (session != null && !ID.matcher(session).matches()) {
                Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "session must be a session id");
                return true;
            }
            json(response, callback, array(store.audit().list(session, since), AuditEvent::toJson));
        } else if (path.startsWith("/api/recordings/")) {
            cast(request, response, callback, path.substring("/api/recordings/".length(), path.length() - ".cast".length()));
        } else {
            page(request, response, callback, path.equals("/recordings") ? "static/recordings.html" : "static/replay.html");
        }
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
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404, "no such recording");
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
