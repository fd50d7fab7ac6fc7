package dev.ferry.relay.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.terminal.Terminal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScreenFeedTest {
    /** Runs tasks only when asked: shows what the producer did itself and what it left to the worker. */
    static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();
        @Override public synchronized void execute(Runnable r) { tasks.add(r); }
        synchronized void runAll() { Runnable r; while ((r = tasks.poll()) != null) r.run(); }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void smallOutputIsFedOnTheProducerAfterDeliveryAndLargeOutputIsLeftToTheWorker() {
        ManualExecutor worker = new ManualExecutor();
        ScreenFeed feed = new ScreenFeed(new Terminal(80, 24), worker, 1 << 20);
        feed.output(bytes("hello"));
        assertThat(feed.pendingBytes()).as("appending alone does not feed").isEqualTo(5);
        feed.kick();
        assertThat(feed.pendingBytes()).isZero();
        assertThat(worker.tasks).isEmpty();

        byte[] big = bytes("x".repeat(ScreenFeed.INLINE_BYTES + 1));
        feed.output(big);
        feed.kick();
        assertThat(feed.pendingBytes()).as("the producer returns without parsing").isEqualTo(big.length);
        assertThat(worker.tasks).hasSize(1);
        feed.output(bytes("more"));
        feed.kick();
        assertThat(worker.tasks).as("one worker run at a time per session").hasSize(1);
        worker.runAll();
        assertThat(feed.pendingBytes()).isZero();
        assertThat(feed.read(Terminal::text)).contains("xmore");
    }

    @Test
    void readingTheScreenFeedsEverythingPendingFirst() {
        ManualExecutor worker = new ManualExecutor();
        ScreenFeed feed = new ScreenFeed(new Terminal(80, 24), worker, 1 << 20);
        feed.output(bytes("abc"));
        feed.resize(100, 30);
        feed.output(bytes("\r\ndef"));
        assertThat(feed.frame().cols()).isEqualTo(100);
        assertThat(feed.read(Terminal::text)).startsWith("abc").contains("def");
        assertThat(feed.pendingBytes()).isZero();
    }

    @Test
    void aStarvedWorkerDoesNotLetThePendingInputGrowWithoutBound() {
        ManualExecutor never = new ManualExecutor();
        ScreenFeed feed = new ScreenFeed(new Terminal(80, 24), never, 10_000);
        byte[] chunk = bytes("y".repeat(1000));
        for (int i = 0; i < 100; i++) {
            feed.output(chunk);
            feed.kick();
            assertThat(feed.pendingBytes()).isLessThanOrEqualTo(10_000);
        }
    }

    @Test
    void feedingOrderIsStreamOrderWhoeverFeeds() throws Exception {
        ExecutorService worker = Executors.newFixedThreadPool(2);
        try {
            Terminal expected = new Terminal(40, 10);
            ScreenFeed feed = new ScreenFeed(new Terminal(40, 10), worker, 1 << 20);
            Object sessionLock = new Object();
            Thread reader = Thread.ofPlatform().start(() -> {
                while (!Thread.currentThread().isInterrupted()) feed.read(Terminal::cursorX);
            });
            for (int i = 0; i < 20_000; i++) {
                byte[] b = bytes((i % 7 == 0 ? "\r\n" : "") + "\033[3" + (i % 8) + "m" + i + " ");
                if (i % 500 == 0) b = bytes("z".repeat(ScreenFeed.INLINE_BYTES + i % 3));
                expected.feed(b);
                synchronized (sessionLock) {
                    feed.output(b);
                }
                feed.kick();
            }
            reader.interrupt();
            reader.join(5000);
            assertThat(feed.read(Terminal::ansiText)).isEqualTo(expected.ansiText());
            assertThat(feed.<String>read(t -> t.cursorX() + "," + t.cursorY())).isEqualTo(expected.cursorX() + "," + expected.cursorY());
        } finally {
            worker.shutdownNow();
            assertThat(worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aQuietScreenHasItsHistoryCompactedOnceAndAgainOnlyAfterItIsUsed() {
        ManualExecutor worker = new ManualExecutor();
        Terminal terminal = new Terminal(80, 24);
        ScreenFeed feed = new ScreenFeed(terminal, worker, 1 << 20);
        feed.output(bytes("a line of scrollback\r\n".repeat(500)));
        feed.kick();
        worker.runAll();
        long now = System.nanoTime(), quiet = TimeUnit.SECONDS.toNanos(10);
        feed.compactIfQuiet(now, quiet);
        assertThat(feed.compacted()).as("not quiet long enough").isFalse();
        assertThat(terminal.historyCompacted()).isFalse();

        long later = now + TimeUnit.SECONDS.toNanos(11);
        long before = terminal.historyFootprint();
        feed.compactIfQuiet(later, quiet);
        assertThat(feed.compacted()).isTrue();
        assertThat(terminal.historyCompacted()).isTrue();
        assertThat(terminal.historyFootprint()).isLessThan(before / 4);

        String oldest = feed.read(t -> t.historyLine(0));
        assertThat(oldest).isEqualTo("a line of scrollback");
        assertThat(feed.compacted()).as("a read may have inflated a block").isFalse();
        assertThat(terminal.historyCompacted()).isFalse();
        feed.compactIfQuiet(System.nanoTime(), quiet);
        assertThat(feed.compacted()).as("the read was just now").isFalse();
        feed.compactIfQuiet(System.nanoTime() + TimeUnit.SECONDS.toNanos(11), quiet);
        assertThat(terminal.historyCompacted()).isTrue();
    }
}
