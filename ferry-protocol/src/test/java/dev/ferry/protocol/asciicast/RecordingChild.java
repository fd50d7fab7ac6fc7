package dev.ferry.protocol.asciicast;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A recorder run as its own JVM by {@link KillDurabilityTest}: writes an output event every 10 ms, the way the relay
 * will (flush check on every event, plus the owner's periodic {@link AsciicastWriter#flushIfDue()}), and after each
 * event prints its number so the parent knows when it was written. It waits to be killed; it gives up after 60 s.
 */
public final class RecordingChild {
    public static void main(String[] args) throws Exception {
        AsciicastWriter w = AsciicastWriter.create(Path.of(args[0]), Header.of(80, 24));
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        flusher.scheduleAtFixedRate(() -> {
            try {
                w.flushIfDue();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, AsciicastWriter.FLUSH_CHECK_PERIOD_MILLIS, AsciicastWriter.FLUSH_CHECK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; System.nanoTime() < end; i++) {
            byte[] line = ("event " + i + " ünïcødé €\r\n").getBytes(StandardCharsets.UTF_8);
            w.output(line, 0, line.length);
            System.out.println(i);
            System.out.flush();
            Thread.sleep(10);
        }
        System.exit(3);
    }
}
