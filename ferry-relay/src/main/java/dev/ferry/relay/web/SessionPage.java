package dev.ferry.relay.web;

import dev.ferry.relay.hub.Hub;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /t/{token}} serves the browser's session page ({@code static/session.html}); the
 * page reads the token from its own URL and joins {@code /ws/join/{token}}. Everything else falls
 * through to the static files.
 *
 * <p>For a caller who may replay recordings (logged in, viewer and up) the page also names the
 * session's replay page ({@code <meta name="ferry-recording">}), which it links to. Nobody else
 * gets it: the page must not tell an anonymous caller whether a token is live. A token that names
 * no live session counts as a failed attempt, as a join with it would.
 */
final class SessionPage extends Handler.Wrapper {
    private static final String PAGE = "static/session.html";

    private final Hub hub;
    private final Callers callers;   // null: no recordings on this relay

    SessionPage(Handler next, Hub hub, Callers callers) {
        super(next);
        this.hub = hub;
        this.callers = callers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith("/t/")) {
            return super.handle(request, response, callback);
        }
        byte[] page = load();
        if (page == null) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404, "the browser page is not part of this build");
            return true;
        }
        String replay = replayPage(request, path.substring("/t/".length()));
        if (replay != null) {
            String html = new String(page, StandardCharsets.UTF_8)
                    .replace("</head>", "<meta name=\"ferry-recording\" content=\"" + replay + "\">\n</head>");
            page = html.getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Referrer-Policy", "no-referrer");  // the URL holds a secret token
        response.write(true, ByteBuffer.wrap(page), callback);
        return true;
    }

    /** {@code /recordings/ID} when the caller may replay and the token names a live session; else null. */
    private String replayPage(Request request, String rawToken) {
        if (callers == null || request.getHeaders().get(HttpHeader.AUTHORIZATION) != null) return null;
        if (!(callers.identify(request, true) instanceof Callers.Caller.Known k)
                || !Access.permits(k.user(), Access.Action.READ_RECORDING)) {
            return null;
        }
        String address = Request.getRemoteAddr(request);
        if (hub.failures().blocked(address)) return null;
        String id = hub.sessionId(token(rawToken));
        if (id == null) {
            hub.failures().failed(address);
            return null;
        }
        return "/recordings/" + id;
    }

    /** The token as the page's script reads it: segments URL-decoded, trailing slashes dropped. */
    static String token(String raw) {
        String t = raw.replaceAll("/+$", "");
        StringBuilder b = new StringBuilder();
        for (String part : t.split("/", -1)) {
            if (b.length() > 0) b.append('/');
            try {
                b.append(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return b.toString();
    }

    private static byte[] load() throws IOException {
        try (InputStream in = SessionPage.class.getClassLoader().getResourceAsStream(PAGE)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
