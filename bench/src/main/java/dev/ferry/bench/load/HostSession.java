package dev.ferry.bench.load;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * One session of the load host: speaks the host protocol (hello, output, input) over one WebSocket
 * to {@code /ws/host}, like {@code ferry share}, many per process. Its terminal is either a real
 * PTY running a command (read on its own platform thread, each chunk sent and awaited like
 * ferry share does), or, with no command, an in-process echo (input goes straight back as output).
 */
public final class HostSession implements Session.Listener.AutoDemanding, AutoCloseable {
    private final CompletableFuture<Message.SessionInfo> info = new CompletableFuture<>();
    private volatile Session ws;
    private java.util.concurrent.ScheduledFuture<?> pinger;
    private PtyProcess pty;
    private OutputStream ptyIn;
    /** Sees every chunk the host's terminal produced (before it goes to the relay), on the reader thread. */
    volatile Consumer<byte[]> localSink = b -> { };
    long sentBytes;

    static HostSession open(WebSocketClient client, int port, String[] command, int cols, int rows) throws Exception {
        HostSession h = new HostSession();
        ClientUpgradeRequest req = new ClientUpgradeRequest(URI.create("ws://127.0.0.1:" + port + "/ws/host"));
        if (Ctx.DEFLATE) req.addExtensions("permessage-deflate");
        h.ws = client.connect(h, req).get(30, TimeUnit.SECONDS);
        h.send(new Message.Hello(Frames.VERSION, false, cols, rows, command == null ? "echo" : String.join(" ", command)));
        h.info.get(30, TimeUnit.SECONDS);
        h.pinger = Pinger.every30s(h.ws);
        if (command != null) {
            h.pty = new PtyProcessBuilder(command).setEnvironment(Map.of("TERM", "xterm-256color", "PATH", System.getenv("PATH"),
                    "HOME", System.getProperty("user.home"), "LANG", "C.UTF-8"))
                    .setInitialColumns(cols).setInitialRows(rows).setConsole(false).start();
            h.ptyIn = h.pty.getOutputStream();
            Thread.ofPlatform().daemon().name("host-pty").start(h::pump);
        }
        return h;
    }

    String token() {
        return info.join().rwToken();
    }

    private void pump() {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = pty.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                localSink.accept(chunk);
                output(chunk);
            }
        } catch (IOException e) {
            // the PTY closed
        }
    }

    /** Sends terminal output and waits until it is written, as ferry share does. */
    void output(byte[] data) throws IOException {
        send(new Message.Output(data));
        sentBytes += data.length;
    }

    /** Types into the host's own terminal (the host's keyboard, not through the relay). */
    synchronized void typeLocally(byte[] data) throws IOException {
        ptyIn.write(data);
        ptyIn.flush();
    }

    private void send(Message m) throws IOException {
        Callback.Completable done = new Callback.Completable();
        ws.sendBinary(Frames.encode(m), done);
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("host send failed: " + e);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            switch (Frames.decode(payload)) {
                case Message.SessionInfo s -> info.complete(s);
                case Message.Input i -> {
                    if (ptyIn != null) {
                        ptyIn.write(i.data());
                        ptyIn.flush();
                    } else {
                        ws.sendBinary(Frames.encode(new Message.Output(i.data())), Callback.NOOP);
                    }
                }
                case Message.Ping p -> ws.sendBinary(Frames.encode(new Message.Pong(p.value())), Callback.NOOP);
                case Message.Close c -> info.completeExceptionally(new IOException("relay closed: " + c.reason()));
                default -> { }
            }
        } catch (ProtocolException | IOException e) {
            info.completeExceptionally(e);
        }
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        info.completeExceptionally(new IOException("closed " + statusCode + " " + reason));
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        info.completeExceptionally(cause);  // a closed load-host connection; the measurement notices by itself
    }

    @Override
    public void close() {
        if (pinger != null) pinger.cancel(false);
        if (pty != null) {
            pty.destroyForcibly();
            // its shell may have children (vim, ls): the harness's Procs cleanup also sweeps descendants
        }
        Session s = ws;
        if (s != null) s.close();
    }
}
