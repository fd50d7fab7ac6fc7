package dev.ferry.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** A loopback TCP forwarder that counts the bytes on the wire each way (TCP payload: all framing, no IP headers). */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket server;
    final AtomicLong up = new AtomicLong(), down = new AtomicLong();

    CountingProxy(int targetPort) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("proxy-accept").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    client.setTcpNoDelay(true);
                    target.setTcpNoDelay(true);
                    pipe(client, target, up);
                    pipe(target, client, down);
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    long total() {
        return up.get() + down.get();
    }

    private static void pipe(Socket from, Socket to, AtomicLong counter) {
        Thread.ofPlatform().daemon().name("proxy-pipe").start(() -> {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    counter.addAndGet(n);
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closing
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
