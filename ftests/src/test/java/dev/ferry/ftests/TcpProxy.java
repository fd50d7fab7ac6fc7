package dev.ferry.ftests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy to a target port that a test can cut: {@link #cut()} closes every proxied
 * connection (both ends see the connection drop) and turns new ones away until {@link #restore()}.
 * Stands in for a network that drops a long-lived connection.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Socket> abandoned = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile int accepted;

    TcpProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("test-proxy-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections let through so far. */
    int accepted() {
        return accepted;
    }

    void cut() {
        down = true;
        for (Socket s : open) close(s);
        open.clear();
        clients.clear();
    }

    /**
     * A silent drop: the client's side closes, the target's side stays open and hears nothing, as
     * when a NAT forgets a connection. New connections go through.
     */
    void abandonClientSide() {
        for (Socket s : open) {
            if (!clients.contains(s)) abandoned.add(s);
        }
        open.removeAll(abandoned);
        for (Socket s : clients) close(s);
        open.removeAll(clients);
        clients.clear();
    }

    void restore() {
        down = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (down) {
                close(client);
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                clients.add(client);
                accepted++;
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                close(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut or closed
        } finally {
            if (!abandoned.contains(from)) close(from);
            if (!abandoned.contains(to)) close(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
        for (Socket s : abandoned) close(s);
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
