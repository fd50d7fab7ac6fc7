package dev.ferry.host.share;

import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** The relay's end of a host link, for tests: a Jetty WebSocket server on a free loopback port serving /ws/host. */
final class LoopbackRelay implements AutoCloseable {
    private final Server server = new Server();
    private final int port;

    /** {@code endpoint} makes the listener for each connection; messages up to {@code maxMessage} bytes. */
    LoopbackRelay(int maxMessage, Supplier<Object> endpoint) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxBinaryMessageSize(maxMessage);
            container.addMapping("/ws/host", (rq, rs, cb) -> endpoint.get());
        }));
        server.start();
        port = connector.getLocalPort();
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
