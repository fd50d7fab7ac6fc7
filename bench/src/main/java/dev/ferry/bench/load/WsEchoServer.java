package dev.ferry.bench.load;

import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The WebSocket round-trip baseline: a bare Jetty server (same version and thread pool as the
 * relay) that sends every binary message straight back. Runs in the harness process.
 */
public final class WsEchoServer implements AutoCloseable {
    private final Server server;
    final int port;

    WsEchoServer() throws Exception {
        VirtualThreadPool threads = new VirtualThreadPool();
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(server, context,
                container -> container.addMapping("/echo", (rq, rs, cb) -> new EchoEndpoint())));
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    public static final class EchoEndpoint implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            callback.succeed();
            session.sendBinary(copy, Callback.NOOP);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
