package dev.ferry.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A client of {@link WsEchoServer}: one byte out in one binary message, the echo into its sink. */
public final class WsEchoClient implements Session.Listener.AutoDemanding, Term {
    private final Consumer<byte[]> sink;
    private Session ws;

    private WsEchoClient(Consumer<byte[]> sink) {
        this.sink = sink;
    }

    static WsEchoClient open(WebSocketClient client, int port, boolean deflate, Consumer<byte[]> sink) throws Exception {
        WsEchoClient c = new WsEchoClient(sink);
        ClientUpgradeRequest req = new ClientUpgradeRequest(URI.create("ws://127.0.0.1:" + port + "/echo"));
        if (deflate) req.addExtensions("permessage-deflate");
        c.ws = client.connect(c, req).get(30, TimeUnit.SECONDS);
        return c;
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] b = new byte[payload.remaining()];
        payload.get(b);
        callback.succeed();
        sink.accept(b);
    }

    @Override
    public void send(byte[] data) throws IOException {
        ws.sendBinary(ByteBuffer.wrap(data), Callback.NOOP);
    }

    @Override
    public void close() {
        ws.close();
    }
}
