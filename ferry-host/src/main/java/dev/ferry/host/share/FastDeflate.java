package dev.ferry.host.share;

import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.eclipse.jetty.util.compression.CompressionPool;
import org.eclipse.jetty.util.compression.DeflaterPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.core.ExtensionConfig;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;
import org.eclipse.jetty.websocket.core.internal.PerMessageDeflateExtension;

/**
 * permessage-deflate at level 1 ({@link Deflater#BEST_SPEED}) for a host's WebSocket client, instead
 * of Jetty's default level 6.
 *
 * <p>Why: the host compresses everything its program writes, and at level 6 that is a large part of
 * {@code ferry share}'s CPU when a program writes fast (the relay's own links already use level 1, see
 * the relay's {@code WebListener}). Terminal output still compresses well at level 1 (0.25x raw against
 * 0.22x at level 6 in the benchmark's wire test) at about 2.7 times the speed.
 *
 * <p>How: Jetty's WebSocket API client builds its {@code WebSocketComponents} (and their deflater pool)
 * itself and offers no setting for the level, so this replaces the client's "permessage-deflate"
 * extension with a subclass that takes its deflaters from a pool of level-1 deflaters. (Changing the
 * level of a deflater Jetty already uses is not safe: the JDK applies it on the next deflate call, and
 * in a test one message then never left.) Only this client's extension registry changes; what goes on
 * the wire is ordinary permessage-deflate.
 * Public for the benchmark's load host, which sends the way {@code ferry share} does.
 */
public final class FastDeflate {
    private FastDeflate() {}

    /**
     * What a host offers the relay: permessage-deflate with each message compressed on its own. A
     * message is a chunk of the program's output, several KB when it writes fast, so the ratio barely
     * changes; in exchange the relay keeps no zlib state for an idle host (about 60 KB a link).
     */
    public static final String OFFER = "permessage-deflate; client_no_context_takeover";

    /** Call before the client connects (its components must exist: any client does after construction). */
    public static void install(WebSocketClient client) {
        WebSocketCoreClient core = client.getBean(WebSocketCoreClient.class);
        if (core == null) throw new IllegalStateException("no WebSocketCoreClient bean in the WebSocket client");
        core.getWebSocketComponents().getExtensionRegistry().register("permessage-deflate", Extension.class);
    }

    /** Level-1 deflaters, shared by every extension instance (Jetty makes them with a no-argument constructor). */
    private static final DeflaterPool POOL = startedPool();

    private static DeflaterPool startedPool() {
        DeflaterPool pool = new DeflaterPool(CompressionPool.DEFAULT_CAPACITY, Deflater.BEST_SPEED, true);
        try {
            pool.start();   // a pool that is not started makes a new deflater every time and never reuses one
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a deflater pool", e);
        }
        return pool;
    }

    /**
     * Jetty's extension, taking its deflaters from the level-1 pool. Public: Jetty instantiates it.
     *
     * <p>Jetty reads the context-takeover parameters as a server would ({@code client_no_context_takeover}
     * turns off the context of what it receives), on a client too, where the RFC means the opposite:
     * offered {@link #OFFER} as is, Jetty kept compressing with history and the relay's inflater, which
     * keeps none, failed on the second message. So a client swaps the two names before Jetty reads them.
     */
    public static final class Extension extends PerMessageDeflateExtension {
        @Override
        public DeflaterPool getDeflaterPool() {
            return POOL;
        }

        @Override
        public void init(ExtensionConfig config, WebSocketComponents components) {
            Map<String, String> params = new HashMap<>();
            config.getParameters().forEach((k, v) -> params.put(clientSide(k), v));
            super.init(new ExtensionConfig(config.getName(), params), components);
        }

        private static String clientSide(String param) {
            return switch (param) {
                case "client_no_context_takeover" -> "server_no_context_takeover";
                case "server_no_context_takeover" -> "client_no_context_takeover";
                default -> param;
            };
        }
    }
}
