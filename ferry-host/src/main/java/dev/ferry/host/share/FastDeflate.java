package dev.ferry.host.share;

import java.util.zip.Deflater;
import org.eclipse.jetty.util.compression.CompressionPool;
import org.eclipse.jetty.util.compression.DeflaterPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;
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

    /** Jetty's extension, taking its deflaters from the level-1 pool. Public: Jetty instantiates it. */
    public static final class Extension extends PerMessageDeflateExtension {
        @Override
        public DeflaterPool getDeflaterPool() {
            return POOL;
        }
    }
}
