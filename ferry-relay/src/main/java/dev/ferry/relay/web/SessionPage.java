package dev.ferry.relay.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
 */
final class SessionPage extends Handler.Wrapper {
    private static final String PAGE = "static/session.html";

    SessionPage(Handler next) {
        super(next);
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
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Referrer-Policy", "no-referrer");  // the URL holds a secret token
        response.write(true, ByteBuffer.wrap(page), callback);
        return true;
    }

    private static byte[] load() throws IOException {
        try (InputStream in = SessionPage.class.getClassLoader().getResourceAsStream(PAGE)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
