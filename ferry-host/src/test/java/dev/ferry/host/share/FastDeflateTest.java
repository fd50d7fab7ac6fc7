package dev.ferry.host.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FastDeflate against a real Jetty server, through a proxy that counts the bytes on the wire: the
 * same terminal-like text, sent by a stock client (level 6) and by one with FastDeflate, arrives
 * intact from both, compressed by both, and FastDeflate's is larger (a faster level really is used).
 */
public class FastDeflateTest {
    private LoopbackRelay server;
    private int port;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    public final class Sink implements Session.Listener.AutoDemanding {
        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            byte[] b = new byte[payload.remaining()];
            payload.get(b);
            synchronized (received) {
                received.writeBytes(b);
            }
            callback.succeed();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackRelay(1 << 20, Sink::new);
        port = server.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    /** Lines like a long ls -l, the same every time. */
    private static byte[] text() {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 2_000_000) {
            sb.append("-rw-r--r-- 1 user").append(r.nextInt(20)).append(" staff ").append(r.nextInt(1_000_000))
                    .append(" Nov ").append(1 + r.nextInt(28)).append(" 0").append(r.nextInt(10)).append(':').append(10 + r.nextInt(50))
                    .append(" file-").append(Long.toString(r.nextLong() & 0xffffff, 36)).append(".txt\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the text in 64 KB messages through a counting proxy; returns the bytes the client put on the wire. */
    private long sendThroughProxy(byte[] text, boolean fast) throws Exception {
        synchronized (received) {
            received.reset();
        }
        AtomicLong upstream = new AtomicLong();
        WebSocketClient client = new WebSocketClient();
        try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread forwarder = Thread.ofPlatform().daemon().start(() -> forward(proxy, upstream));
            if (fast) FastDeflate.install(client);
            client.start();
            ClientUpgradeRequest req = new ClientUpgradeRequest(URI.create("ws://127.0.0.1:" + proxy.getLocalPort() + "/ws/host"));
            req.addExtensions("permessage-deflate");
            Session ws = client.connect(new Session.Listener.AutoDemanding() { }, req).get(10, TimeUnit.SECONDS);
            assertThat(ws.getUpgradeResponse().getExtensions()).anyMatch(e -> e.getName().equals("permessage-deflate"));
            for (int off = 0; off < text.length; off += 65536) {
                Callback.Completable done = new Callback.Completable();
                ws.sendBinary(ByteBuffer.wrap(text, off, Math.min(65536, text.length - off)), done);
                done.get(10, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.size() < text.length && System.nanoTime() < deadline) Thread.sleep(10);
            synchronized (received) {
                assertThat(received.toByteArray()).isEqualTo(text);
            }
            ws.close();
            forwarder.interrupt();
        } finally {
            client.stop();
        }
        return upstream.get();
    }

    /** One connection, client to server counted; the other direction copied on a second thread. */
    private void forward(ServerSocket proxy, AtomicLong upstream) {
        try (Socket c = proxy.accept(); Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            Thread back = Thread.ofPlatform().daemon().start(() -> copy(s, c, new AtomicLong()));
            copy(c, s, upstream);
            back.join(5_000);
        } catch (Exception e) {
            // the test closed the proxy
        }
    }

    private static void copy(Socket from, Socket to, AtomicLong count) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                count.addAndGet(n);
            }
            to.shutdownOutput();
        } catch (Exception e) {
            // a side closed
        }
    }

    @Test
    void compressesAtAFasterLevelThanJettysDefaultAndDeliversTheSameBytes() throws Exception {
        byte[] text = text();
        long stock = sendThroughProxy(text, false);
        long fast = sendThroughProxy(text, true);
        System.err.println("FastDeflateTest: " + text.length + " bytes sent as " + stock + " (level 6), " + fast + " (level 1)");
        assertThat(stock).isLessThan(text.length / 3);   // compression is on for both
        assertThat(fast).isLessThan(text.length / 3);
        assertThat(fast).isGreaterThan(stock + stock / 20);   // level 1 gives up some ratio: at least 5 % more bytes
    }
}
