package dev.ferry.relay.record;

import dev.ferry.protocol.asciicast.AsciicastFormatException;
import dev.ferry.protocol.asciicast.AsciicastReader;
import dev.ferry.protocol.asciicast.AsciicastRepair;
import dev.ferry.protocol.asciicast.AsciicastWriter;
import dev.ferry.protocol.asciicast.Event;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionObserver;
import dev.ferry.relay.store.AuditLog;
import dev.ferry.relay.store.Recording;
import dev.ferry.relay.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's recordings: one {@link SessionRecorder} per session, a flush every 250 ms (so a
 * {@code kill -9} loses at most the last second), repair of what a crash left behind, and retention.
 */
public final class RecordingService implements SessionObserver.Factory, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordingService.class);
    public static final String CRASH_REASON = "relay stopped unexpectedly";
    /** A recorder's queue: output beyond this backlog is dropped (and a marker says so) rather than slowing the host. */
    public static final long QUEUE_BYTES = 16 << 20;

    /**
     * @param recordInput also record participants' keystrokes as {@code "i"} events
     * @param keep        recordings older than this are deleted (file and index); null keeps them forever
     */
    public record Options(boolean recordInput, Duration keep, Clock clock) {
        public static final Duration DEFAULT_KEEP = Duration.ofDays(30);
    }

    private final Path dataDir;
    private final Store store;
    private final Options options;
    private final Set<SessionRecorder> live = ConcurrentHashMap.newKeySet();
    private final Set<SessionRecorder> all = ConcurrentHashMap.newKeySet();
    /** Every session's typing rows, written together by the flush timer (one transaction, not one per row). */
    private final ConcurrentLinkedQueue<AuditLog.Typing> typing = new ConcurrentLinkedQueue<>();
    private final ReentrantLock typingWriter = new ReentrantLock();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferry-recordings");
        t.setDaemon(true);
        return t;
    });

    public RecordingService(Path dataDir, Store store, Options options) {
        this.dataDir = dataDir;
        this.store = store;
        this.options = options;
    }

    /** Repairs what a crash left, applies retention once, then flushes every 250 ms and sweeps daily. */
    public void start() {
        recover();
        sweep();
        long period = AsciicastWriter.FLUSH_CHECK_PERIOD_MILLIS;
        timer.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::sweepQuietly, 1, 1, TimeUnit.DAYS);
    }

    @Override
    public SessionObserver open(Session session) {
        SessionRecorder r = new SessionRecorder(session, this, options.recordInput(), QUEUE_BYTES);
        all.add(r);
        r.start();
        return r;
    }

    /** Where a session's recording goes, relative to the data directory: recordings/YYYY/MM/DD/ID.cast (UTC). */
    public static Path relativePath(String sessionId, Instant started) {
        ZonedDateTime t = started.atZone(ZoneOffset.UTC);
        return Path.of("recordings", String.format("%04d", t.getYear()), String.format("%02d", t.getMonthValue()),
                String.format("%02d", t.getDayOfMonth()), sessionId + ".cast");
    }

    /**
     * After a crash: every recording not finished is repaired ({@link AsciicastRepair}) and indexed
     * with its real length, and every session still marked running is ended with {@link #CRASH_REASON}.
     */
    void recover() {
        Instant now = options.clock().instant();
        for (Recording r : store.recordings().unfinished()) {
            Path file = dataDir.resolve(r.path());
            try {
                AsciicastRepair.repair(file);
                long micros = 0;
                try (AsciicastReader reader = AsciicastReader.open(file)) {
                    for (Event e = reader.next(); e != null; e = reader.next()) micros = e.micros();
                }
                store.recordings().finished(r.id(), now, Duration.ofNanos(micros * 1000), Files.size(file), r.lostBytes());
                log.info("recording {} repaired after an unexpected stop", r.id());
            } catch (IOException | AsciicastFormatException e) {
                log.warn("recording {} could not be repaired: {}", r.id(), e.getMessage());
                store.recordings().finished(r.id(), now, Duration.ZERO, fileSize(file), r.lostBytes());
            }
        }
        store.audit().endOrphanedSessions(now, CRASH_REASON);
    }

    /** Deletes finished recordings older than the retention period: the file first, then its index row. Returns how many. */
    public int sweep() {
        if (options.keep() == null) return 0;
        Instant cutoff = options.clock().instant().minus(options.keep());
        int n = 0;
        for (Recording r : store.recordings().startedBefore(cutoff)) {
            if (r.finished() == null) continue;  // still being written
            try {
                Files.deleteIfExists(dataDir.resolve(r.path()));
                store.recordings().delete(r.id());
                n++;
            } catch (IOException e) {
                log.warn("retention: could not delete {}: {}", r.path(), e.getMessage());
            }
        }
        if (n > 0) log.info("retention: deleted {} recording(s) older than {}", n, options.keep());
        return n;
    }

    /** Waits (bounded) for every recorder to write its end; the hub must have ended the sessions. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (SessionRecorder r : all) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !r.await(Duration.ofNanos(left))) break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timer.shutdownNow();
        flushAll();
        writeTyping();
    }

    /** Runs a recorder's drain on a virtual thread of its own after {@code millis}. */
    void later(Runnable drain, long millis) {
        Runnable start = () -> Thread.ofVirtual().name("ferry-recorder").start(drain);
        try {
            if (millis <= 0) start.run(); else timer.schedule(start, millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            start.run();   // closing: no more waiting, write now
        }
    }

    Path dataDir() { return dataDir; }

    Store store() { return store; }

    void live(SessionRecorder r, boolean open) {
        if (open) live.add(r); else { live.remove(r); all.remove(r); }
    }

    /** Every 250 ms on the timer: the writers' flushes, and the typing rows on a thread of their own (the database may wait). */
    private void tick() {
        flushAll();
        if (!typing.isEmpty()) Thread.ofVirtual().name("ferry-audit-typing").start(this::writeTyping);
    }

    private void flushAll() {
        for (SessionRecorder r : live) r.flushIfDue();
    }

    /** Queues a participant's typing in one second for the next {@link #writeTyping()}. */
    void typed(AuditLog.Typing t) {
        typing.add(t);
    }

    /**
     * Writes every queued typing row in one transaction. One writer at a time, so that when this returns
     * every row queued before the call is in the database, including rows another caller had taken.
     */
    void writeTyping() {
        typingWriter.lock();
        try {
            List<AuditLog.Typing> rows = new ArrayList<>();
            for (AuditLog.Typing t = typing.poll(); t != null; t = typing.poll()) rows.add(t);
            store.audit().inputs(rows);
        } catch (RuntimeException e) {
            log.warn("writing typing rows failed: {}", e.toString());
        } finally {
            typingWriter.unlock();
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("retention sweep failed: {}", e.getMessage());
        }
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
