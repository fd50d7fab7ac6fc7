package dev.ferry.relay.web;

import java.util.List;
import java.util.zip.Deflater;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.compression.DeflaterPool;
import org.eclipse.jetty.util.compression.InflaterPool;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.internal.PerMessageDeflateExtension;

/**
 * How the relay's WebSocket links use permessage-deflate.
 *
 * <p>Participants: level 1 (every participant's copy of the output is compressed separately, and
 * level 1 costs a fraction of the default 6 per byte while terminal text still shrinks about 4x),
 * with context kept across messages, which is what makes small echoes small.
 *
 * <p>Hosts: what the relay sends a host (keystrokes, resizes) goes uncompressed, which
 * permessage-deflate allows per message: compressing a few bytes alone gains nothing, and a deflater
 * kept per link costs about 100 KB of native memory. The relay says so with
 * {@code server_no_context_takeover}. A host that offers {@code client_no_context_takeover}
 * ({@code ferry share} does) compresses each message on its own, and is answered so; Jetty then gives
 * the link's inflater back to the pool after every message, and an idle host holds no zlib state at
 * all. A host that does not offer it keeps its context (a Jetty client told so without asking keeps
 * compressing with history, and the relay's inflater must keep up with it).
 */
final class LinkDeflate {
    private LinkDeflate() {}

    /**
     * Idle inflaters and deflaters kept for reuse; beyond this many one is made when needed and freed
     * when given back. (Jetty's default, 1,024, would keep about 300 KB of native memory for each.)
     */
    static final int POOLED = 32;

    /** Before the server starts: the pools Jetty's WebSocket components take from the server's beans. */
    static void pools(Server server) {
        server.addBean(new DeflaterPool(POOLED, Deflater.BEST_SPEED, true));
        server.addBean(new InflaterPool(POOLED, true));
    }

    /** Once the WebSocket components exist: permessage-deflate is this class's {@link Extension}. */
    static void register(WebSocketComponents components) {
        components.getExtensionRegistry().register("permessage-deflate", Extension.class);
    }

    /** What to answer a host's extension offer with (nothing when it offers no permessage-deflate). */
    static List<ExtensionConfig> hostAnswer(List<ExtensionConfig> offered) {
        var deflate = offered.stream().filter(e -> e.getName().equals("permessage-deflate")).findFirst();
        if (deflate.isEmpty()) return List.of();
        boolean plainUpload = deflate.get().getParameterKeys().contains("client_no_context_takeover");
        return List.of(ExtensionConfig.parse("permessage-deflate; server_no_context_takeover"
                + (plainUpload ? "; client_no_context_takeover" : "")));
    }

    /**
     * Jetty's permessage-deflate, sending uncompressed on host links ({@link WebListener#HOST_PATH}).
     * Decided by the path, not by {@code server_no_context_takeover}: a participant may ask for that
     * too (Go's gorilla/websocket always does) and still wants its output compressed. Public: Jetty
     * makes it.
     */
    public static final class Extension extends PerMessageDeflateExtension {
        private Boolean toHost;

        @Override
        public void sendFrame(OutgoingEntry entry) {
            if (toHost()) {
                nextOutgoingFrame(entry);
            } else {
                super.sendFrame(entry);
            }
        }

        private boolean toHost() {
            Boolean host = toHost;
            if (host == null) toHost = host = WebListener.HOST_PATH.equals(getCoreSession().getRequestURI().getPath());
            return host;
        }
    }
}
