package dev.ferry.bench.load;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** Sends a ping frame every 30 s on each open connection, as the protocol asks (the relay closes silent peers after 120 s). */
final class Pinger {
    private static final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-ping");
        t.setDaemon(true);
        return t;
    });

    private Pinger() {}

    static ScheduledFuture<?> every30s(Session ws) {
        return timer.scheduleAtFixedRate(() -> {
            if (ws.isOpen()) ws.sendBinary(Frames.encode(new Message.Ping(System.nanoTime())), Callback.NOOP);
        }, 30, 30, TimeUnit.SECONDS);
    }
}
