package dev.ferry.host.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FramePipe against a real Jetty WebSocket server on loopback: order, merging, the bound, failure. */
public class FramePipeTest {
    private LoopbackRelay server;
    private WebSocketClient client;
    private int port;
    private final Receiver receiver = new Receiver();

    /** The relay's side: records every frame; reads only once {@link #reading} is opened. */
    public static final class Receiver implements Session.Listener {
        final List<Message> frames = java.util.Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch reading = new CountDownLatch(1);
        volatile Session session;

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            Thread.ofVirtual().start(() -> {
                try {
                    reading.await();
                } catch (InterruptedException e) {
                    return;
                }
                s.demand();
            });
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            try {
                frames.add(Frames.decode(payload));
            } catch (Exception e) {
                frames.add(new Message.Notice("undecodable: " + e));
            }
            callback.succeed();
            session.demand();
        }

        byte[] output() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            synchronized (frames) {
                for (Message m : frames) {
                    if (m instanceof Message.Output o) all.writeBytes(o.data());
                }
            }
            return all.toByteArray();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackRelay(Frames.MAX_FRAME, () -> receiver);
        port = server.port();
        client = new WebSocketClient();
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.reading.countDown();
        if (client != null) client.stop();
        if (server != null) server.close();
    }

    private Session connect() throws Exception {
        return client.connect(new Session.Listener.AutoDemanding() { }, URI.create("ws://127.0.0.1:" + port + "/ws/host"))
                .get(10, TimeUnit.SECONDS);
    }

    private static byte[] chunk(int i, int size) {
        byte[] b = new byte[size];
        for (int k = 0; k < size; k++) b[k] = (byte) ('a' + (i + k) % 26);
        return b;
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void blocksAtTheBoundWhileTheRelayDoesNotReadThenDeliversEverythingInOrderInFewerFrames() throws Exception {
        FramePipe pipe = new FramePipe(connect(), 256 * 1024);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        AtomicLong accepted = new AtomicLong();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        int chunks = 20_000;  // 4 KB each: 80 MB, far more than the socket buffers and the bound can hold
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < chunks; i++) {
                    byte[] c = chunk(i, 4096);
                    synchronized (sent) {
                        sent.write(c);
                    }
                    pipe.output(c, 0, c.length);
                    accepted.incrementAndGet();
                    if (i == chunks / 2) pipe.send(new Message.Resize(100, 30));  // in order with the output around it
                }
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        // The relay reads nothing: the writer must stop (blocked in output), not queue without bound.
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Thread.sleep(300);
            long now = accepted.get();
            if (now == last && writer.getState() == Thread.State.TIMED_WAITING) break;
            last = now;
            if (System.nanoTime() > deadline) throw new AssertionError("the writer never blocked; accepted " + now);
        }
        assertThat(accepted.get()).isLessThan(chunks);
        receiver.reading.countDown();
        writer.join(30_000);
        assertThat(failed.get()).isNull();
        await(() -> receiver.output().length == chunks * 4096, "all output");
        assertThat(receiver.output()).isEqualTo(sent.toByteArray());
        // The resize sits exactly after the output written before it.
        long before = 0;
        synchronized (receiver.frames) {
            for (Message m : receiver.frames) {
                if (m instanceof Message.Resize r) {
                    assertThat(r.cols()).isEqualTo(100);
                    break;
                }
                if (m instanceof Message.Output o) before += o.data().length;
            }
        }
        assertThat(before).isEqualTo((chunks / 2 + 1) * 4096L);
        // Chunks queued behind a frame in flight (here: while the relay read nothing) were merged, never
        // beyond the frame limit. (When the socket takes every frame at once, nothing waits to be merged.)
        int largest = 0;
        synchronized (receiver.frames) {
            for (Message m : receiver.frames) {
                if (m instanceof Message.Output o) largest = Math.max(largest, o.data().length);
            }
            assertThat(receiver.frames.size()).isLessThan(chunks);
        }
        assertThat(largest).isGreaterThan(4096).isLessThanOrEqualTo(FramePipe.MAX_FRAME_BYTES);
    }

    @Test
    void aSingleChunkWithNothingInFlightGoesOutAtOnceAsItsOwnFrame() throws Exception {
        receiver.reading.countDown();
        FramePipe pipe = new FramePipe(connect(), 256 * 1024);
        for (int i = 0; i < 5; i++) {
            int n = i;
            pipe.output(new byte[] {(byte) ('x' + 0), (byte) n}, 1, 1);  // offset and length respected
            await(() -> receiver.frames.size() == n + 1, "frame " + n);
        }
        assertThat(receiver.frames).containsExactly(new Message.Output(new byte[] {0}), new Message.Output(new byte[] {1}),
                new Message.Output(new byte[] {2}), new Message.Output(new byte[] {3}), new Message.Output(new byte[] {4}));
    }

    @Test
    void aBrokenConnectionFailsTheNextOutputInsteadOfBlockingForever() throws Exception {
        receiver.reading.countDown();
        Session ws = connect();
        FramePipe pipe = new FramePipe(ws, 64 * 1024);
        pipe.output(new byte[] {1}, 0, 1);
        await(() -> receiver.session != null, "the server side");
        receiver.session.disconnect();
        assertThatThrownBy(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                pipe.output(new byte[1024], 0, 1024);
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("sending to the relay failed");
        pipe.sendQuietly(new Message.Close("bye"));  // never throws, never blocks
    }

    /** The session, recording the thread of every sendBinary (which is where Jetty deflates and writes). */
    private static Session recordingSenders(Session ws, List<Thread> senders) {
        return (Session) java.lang.reflect.Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendBinary")) senders.add(Thread.currentThread());
                    try {
                        return method.invoke(ws, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void anEchoIsSentOnTheReadersThreadAndLargeOutputOnAnotherSoTheReaderGoesBackToReading() throws Exception {
        receiver.reading.countDown();
        List<Thread> senders = java.util.Collections.synchronizedList(new ArrayList<>());
        FramePipe pipe = new FramePipe(recordingSenders(connect(), senders), 1 << 20);
        pipe.output(new byte[] {'k'}, 0, 1);   // a keystroke's echo: no hand-off
        await(() -> receiver.frames.size() == 1, "the echo");
        assertThat(senders).containsExactly(Thread.currentThread());
        byte[] big = chunk(7, FramePipe.INLINE_BYTES + 1);
        pipe.output(big, 0, big.length);   // a fast program's output: the sender thread compresses and writes it
        await(() -> receiver.frames.size() == 2, "the large output");
        assertThat(senders).hasSize(2);
        assertThat(senders.get(1)).isNotSameAs(Thread.currentThread());
        assertThat(senders.get(1).isVirtual()).isTrue();
        assertThat(receiver.frames.get(1)).isEqualTo(new Message.Output(big));
    }

    @Test
    void aStreamOfSmallChunksGoesAsAFewFramesAndTheEchoAfterItAtOnce() throws Exception {
        receiver.reading.countDown();
        List<Thread> senders = java.util.Collections.synchronizedList(new ArrayList<>());
        FramePipe pipe = new FramePipe(recordingSenders(connect(), senders), 1 << 20);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        int chunks = 300;
        for (int i = 0; i < chunks; i++) {   // back to back, as ls writes its lines
            byte[] line = chunk(i, 60);
            pipe.output(line, 0, line.length);
            sent.writeBytes(line);
        }
        await(() -> receiver.output().length == sent.size(), "the stream");
        assertThat(receiver.output()).isEqualTo(sent.toByteArray());
        assertThat(receiver.frames.size()).as("frames for %d chunks", chunks).isLessThan(chunks / 6);
        assertThat(receiver.frames.get(0)).as("the stream's first chunk waits for nothing").isEqualTo(new Message.Output(chunk(0, 60)));

        Thread.sleep(50);   // quiet: the next output is an echo, not part of the stream
        int before = receiver.frames.size();
        senders.clear();
        pipe.output(new byte[] {'k'}, 0, 1);
        assertThat(senders).as("sent on the caller's thread, with no wait").containsExactly(Thread.currentThread());
        await(() -> receiver.frames.size() == before + 1, "the echo");
        assertThat(receiver.frames.get(before)).isEqualTo(new Message.Output(new byte[] {'k'}));
    }
}
