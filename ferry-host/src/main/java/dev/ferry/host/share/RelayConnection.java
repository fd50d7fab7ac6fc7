package dev.ferry.host.share;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The host's one outbound WebSocket to the relay ({@code /ws/host}, permessage-deflate offered, level 1):
 * hello, then output and resizes out, input and notices in. See docs/protocol.md.
 */
public final class RelayConnection implements Session.Listener.AutoDemanding, AutoCloseable {
    /** What arrives from the relay; called on the connection's threads. */
    interface Handler {
        void input(byte[] data);

        void notice(String text);

        /** The relay ended the session or the connection broke; called once. */
        void closed(String reason);
    }

    /** Output and frames queued or being written, at most (then the PTY reader waits). */
    static final long MAX_PENDING = 1 << 20;

    private final WebSocketClient client;
    private final Handler handler;
    private final CompletableFuture<Message.SessionInfo> info = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private volatile Session ws;
    private volatile FramePipe pipe;
    private Thread pinger;

    private RelayConnection(WebSocketClient client, Handler handler) {
        this.client = client;
        this.handler = handler;
    }

    /** Connects, says hello, and waits for the session's links; a refusal or a dead relay throws with one line. */
    static RelayConnection open(String relay, Path caFile, Message.Hello hello, Message.HostOptions options, Handler handler)
            throws IOException {
        URI uri = dev.ferry.host.net.RelayUrl.ws(relay, "/ws/host");
        WebSocketClient client = dev.ferry.host.net.Tls.client(caFile);
        client.setMaxBinaryMessageSize(Frames.MAX_FRAME);
        client.setIdleTimeout(java.time.Duration.ofMinutes(5));
        FastDeflate.install(client);
        RelayConnection c = new RelayConnection(client, handler);
        try {
            client.start();
            ClientUpgradeRequest req = new ClientUpgradeRequest(uri);
            req.addExtensions(FastDeflate.OFFER);   // for relays that do not take deflated output
            req.setSubProtocols(Frames.DEFLATED_OUTPUT_PROTOCOL);
            c.ws = client.connect(c, req).get(10, TimeUnit.SECONDS);
            c.pipe = new FramePipe(c.ws, MAX_PENDING);
            c.send(hello);
            if (options != null) c.send(options);
            c.info.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            c.close();
            Throwable cause = e.getCause();
            throw new IOException(cause instanceof RefusedException ? cause.getMessage()
                    : "cannot reach the relay at " + relay + ": " + rootMessage(cause));
        } catch (TimeoutException e) {
            c.close();
            throw new IOException("the relay at " + relay + " did not answer within 10 s");
        } catch (InterruptedException e) {
            c.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (Exception e) {
            c.close();
            throw new IOException("cannot reach the relay at " + relay + ": " + rootMessage(e));
        }
        c.pinger = Thread.ofPlatform().daemon().name("ferry-ping").start(c::pingLoop);
        return c;
    }

    private static String rootMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.security.cert.CertPathValidatorException || c instanceof java.security.cert.CertificateException
                    || c.getClass().getName().equals("sun.security.provider.certpath.SunCertPathBuilderException")) {
                return "its TLS certificate is not trusted (" + c.getMessage() + "); for a private CA or a self-signed"
                        + " certificate pass --ca-file PEM";
            }
        }
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    Message.SessionInfo info() {
        return info.join();
    }

    /**
     * Queues a frame behind the output before it; waits while {@link #MAX_PENDING} bytes are not yet
     * written (so a slow network slows the host's mirror, never reorders it).
     */
    void send(Message m) throws IOException {
        Session s = ws;
        if (s == null || !s.isOpen()) throw new IOException("not connected to the relay");
        pipe.send(m);
    }

    /** Queues terminal output (merged with what is still waiting, see {@link FramePipe}); waits like {@link #send}. */
    void output(byte[] data, int offset, int length) throws IOException {
        Session s = ws;
        if (s == null || !s.isOpen()) throw new IOException("not connected to the relay");
        pipe.output(data, offset, length);
    }

    boolean isOpen() {
        Session s = ws;
        return s != null && s.isOpen() && !closed.isDone();
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            Message m = Frames.decode(payload);
            callback.succeed();
            switch (m) {
                case Message.SessionInfo si -> info.complete(si);
                case Message.Input in -> handler.input(in.data());
                case Message.Notice n -> handler.notice(n.text());
                case Message.Close c -> {
                    info.completeExceptionally(new RefusedException(c.reason()));
                    finish(c.reason());
                }
                case Message.Ping p -> sendQuietly(new Message.Pong(p.value()));
                case Message.Pong p -> { }
                default -> throw new ProtocolException("unexpected " + m.getClass().getSimpleName() + " from the relay");
            }
        } catch (ProtocolException e) {
            callback.succeed();
            ws.close(StatusCode.PROTOCOL, "protocol error", Callback.NOOP);
            finish("protocol error from the relay: " + e.getMessage());
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        finish(reason == null || reason.isEmpty() ? "the relay closed the connection" : reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        finish("connection to the relay failed: " + rootMessage(cause));
    }

    private void finish(String reason) {
        info.completeExceptionally(new RefusedException(reason));
        if (closed.complete(reason)) {
            handler.closed(reason);
        }
    }

    private void sendQuietly(Message m) {
        Session s = ws;
        if (s != null && s.isOpen()) s.sendBinary(Frames.encode(m), Callback.NOOP);
    }

    /** The relay closes links idle for two minutes; a ping every 30 s keeps a quiet shell shared. */
    private void pingLoop() {
        long n = 0;
        try {
            while (!closed.isDone()) {
                Thread.sleep(30_000);
                sendQuietly(new Message.Ping(++n));
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** Says goodbye with a reason and waits (briefly) for the relay to close. */
    void end(String reason) {
        if (isOpen()) {
            pipe.sendQuietly(new Message.Close(reason));  // behind the last output, not before it
            try {
                closed.get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing anyway
            }
        }
        close();
    }

    @Override
    public void close() {
        if (pinger != null) pinger.interrupt();
        Session s = ws;
        if (s != null && s.isOpen()) s.close(StatusCode.NORMAL, "bye", Callback.NOOP);
        try {
            client.stop();
        } catch (Exception e) {
            // best effort
        }
    }

    private static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
