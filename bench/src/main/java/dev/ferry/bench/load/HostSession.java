package dev.ferry.bench.load;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import dev.ferry.host.share.FramePipe;
import dev.ferry.host.share.PtyOutput;
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
 * PTY running a command (read on its own platform thread and sent through ferry share's own
 * {@link PtyOutput} and {@link FramePipe}), or, with no command, an in-process echo (input goes straight back as output).
 * {@code -Dbench.host.pipe=false}: read and send as ferry share did before {@link PtyOutput} and
 * {@link FramePipe} (each PTY read sent and awaited), to measure the difference.
 */
public final class HostSession implements Session.Listener.AutoDemanding, AutoCloseable {
    static final boolean PIPE = !"false".equals(System.getProperty("bench.host.pipe"));
    static final String PTY_THREAD = "host-pty";
    private final CompletableFuture<Message.SessionInfo> info = new CompletableFuture<>();
    private volatile Session ws;
    private FramePipe pipe;
    private java.util.concurrent.ScheduledFuture<?> pinger;
    private PtyProcess pty;
    private OutputStream ptyIn;
    /** Sees every chunk the host's terminal produced (before it goes to the relay), on the reader thread. */
    volatile Consumer<byte[]> localSink = b -> { };
    long sentBytes;

    static HostSession open(WebSocketClient client, int port, String[] command, int cols, int rows) throws Exception {
        HostSession h = new HostSession();
        ClientUpgradeRequest req = new ClientUpgradeRequest(URI.create("ws://127.0.0.1:" + port + "/ws/host"));
        // ferry share's offer needs its extension (FastDeflate); Jetty's own reads the parameter the wrong way round
        if (Ctx.DEFLATE) req.addExtensions(Ctx.FAST_DEFLATE ? dev.ferry.host.share.FastDeflate.OFFER : "permessage-deflate");
        if (Ctx.DEFLATE && Ctx.DEFLATED_OUTPUT) req.setSubProtocols(Frames.DEFLATED_OUTPUT_PROTOCOL);   // as ferry share offers
        h.ws = client.connect(h, req).get(30, TimeUnit.SECONDS);
        h.pipe = new FramePipe(h.ws, 1 << 20);
        h.send(new Message.Hello(Frames.VERSION, false, cols, rows, command == null ? "echo" : String.join(" ", command)));
        h.info.get(30, TimeUnit.SECONDS);
        h.pinger = Pinger.every30s(h.ws);
        if (command != null) {
            h.pty = new PtyProcessBuilder(command).setEnvironment(Map.of("TERM", "xterm-256color", "PATH", System.getenv("PATH"),
                    "HOME", System.getProperty("user.home"), "LANG", "C.UTF-8"))
                    .setInitialColumns(cols).setInitialRows(rows).setConsole(false).start();
            h.ptyIn = h.pty.getOutputStream();
            Thread.ofPlatform().daemon().name(PTY_THREAD).start(h::pump);
        }
        return h;
    }

    String token() {
        return info.join().rwToken();
    }

    private void pump() {
        byte[] buf = new byte[FramePipe.MAX_FRAME_BYTES];
        PtyOutput output = PIPE ? new PtyOutput(pty) : null;
        try (InputStream in = pty.getInputStream()) {
            for (int n; (n = PIPE ? output.read(buf) : in.read(buf)) > 0; ) {
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                localSink.accept(chunk);
                output(chunk);
            }
        } catch (IOException e) {
            // the PTY closed
        }
    }

    /** Sends terminal output as ferry share does (or, without the pipe, as it did: each chunk sent and awaited). */
    void output(byte[] data) throws IOException {
        if (PIPE) pipe.output(data, 0, data.length);
        else send(new Message.Output(data));
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
