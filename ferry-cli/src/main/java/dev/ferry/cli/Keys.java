package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Where the player's key presses come from; waiting for a key is also how the player waits for time to pass. */
interface Keys {
    /** Delivered once when the input ends. */
    int END = -1;

    /** The next key within {@code nanos}, or null when none came in that time. */
    Integer poll(long nanos) throws InterruptedException;

    /** Waits for the next key. */
    int take() throws InterruptedException;

    /** No keyboard: polling just sleeps; nothing can pause, so take() is never needed. */
    static Keys none() {
        return new Keys() {
            @Override
            public Integer poll(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
                return null;
            }

            @Override
            public int take() {
                return END;
            }
        };
    }

    /** Bytes read from {@code in} on a daemon thread, one key per byte. */
    static Keys readFrom(InputStream in) {
        BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try {
                for (int b; (b = in.read()) >= 0; ) {
                    queue.add(b);
                }
            } catch (IOException ignored) {
                // treated as end of input
            }
            queue.add(END);
        }, "ferry-play-keys");
        t.setDaemon(true); // still blocked in read() when playback ends; must not keep the JVM alive
        t.start();
        return new Keys() {
            @Override
            public Integer poll(long nanos) throws InterruptedException {
                return queue.poll(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public int take() throws InterruptedException {
                return queue.take();
            }
        };
    }
}
