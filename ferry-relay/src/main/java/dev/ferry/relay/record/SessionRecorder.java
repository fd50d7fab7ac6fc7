package dev.ferry.relay.record;

import dev.ferry.protocol.asciicast.AsciicastWriter;
import dev.ferry.protocol.asciicast.Header;
import dev.ferry.relay.hub.Seat;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionObserver;
import dev.ferry.relay.store.AuditEvent;
import dev.ferry.relay.store.AuditLog;
import dev.ferry.relay.store.Recordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one session: the asciicast file and its audit rows. The hub calls the observer methods
 * (some under the session's lock); they only stamp the time and queue. A drain, run by the service
 * on a virtual thread once events have gathered for {@link #BATCH_MILLIS}, does the file and
 * database I/O, so a slow disk never slows the host or the participants. No thread waits for an idle
 * session: a thread per session, parked, cost 3.5 KB each and a wake-up a second.
 *
 * <p>The queue is bounded by bytes: output or input that would overflow it is dropped and counted,
 * and a marker saying how much was lost is recorded once the queue has room again.
 */
final class SessionRecorder implements SessionObserver {
    private static final Logger log = LoggerFactory.getLogger(SessionRecorder.class);

    private sealed interface Item {
        long nanos();
    }
    private record Output(long nanos, byte[] data) implements Item {}
    private record Input(long nanos, Seat seat, byte[] data) implements Item {}
    private record Resize(long nanos, int cols, int rows) implements Item {}
    private record Joined(long nanos, Seat seat, Who who) implements Item {}
    private record Left(long nanos, Seat seat) implements Item {}
    private record Lost(long nanos, long bytes) implements Item {}
    private record Ended(long nanos, String reason) implements Item {}

    /**
     * Events carry their own time stamps, so they may wait: a drain runs this long after the first
     * event it will write, and writes everything gathered meanwhile (in a busy relay, a wake-up for
     * every keystroke and every output frame costs more than writing the events).
     */
    static final long BATCH_MILLIS = 50;

    private final Session session;
    private final RecordingService service;
    private final Recordings index;
    private final AuditLog audit;
    private final boolean recordInput;
    private final long queueLimit;
    private final long startNanos = System.nanoTime();
    private final Instant startInstant;
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong lostBytes = new AtomicLong();   // dropped, not yet reported by a marker
    private final AtomicLong lostTotal = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();  // a drain is scheduled or running: one at a time
    private final CountDownLatch done = new CountDownLatch(1);

    // The drains' own state (one drain at a time; each next one starts after the last ended).
    private boolean opened, finished;
    private final Map<Integer, long[]> typing = new HashMap<>();  // seat number -> {epoch second, bytes, first keystroke's nanos}
    private final Map<Integer, Who> joined = new HashMap<>();  // seat number -> who, as at join (the connection may be gone at leave)
    private int seq;
    private volatile AsciicastWriter writer;  // also read by the flush timer
    private Path file;
    private volatile long eventNanos;  // the time of the event being written; 0 outside a write

    SessionRecorder(Session session, RecordingService service, boolean recordInput, long queueLimit) {
        this.session = session;
        this.service = service;
        this.index = service.store().recordings();
        this.audit = service.store().audit();
        this.recordInput = recordInput;
        this.queueLimit = queueLimit;
        this.startInstant = session.created();
    }

    /** Opens the recording (at once, so the start is in the index and the audit log before anything else). */
    void start() {
        schedule(0);
    }

    /** Waits for the recording's end to be written (after the session ended), at most {@code timeout}. */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Called every 250 ms by the service: hands buffered lines to the OS once they are due. */
    void flushIfDue() {
        AsciicastWriter w = writer;
        if (w == null) return;
        try {
            w.flushIfDue();
        } catch (IOException e) {
            log.warn("recording {}: {}", session.id(), e.getMessage());
        }
    }

    long lost() {
        return lostTotal.get();
    }

    // ---- SessionObserver: stamp, queue, return ----

    @Override
    public void output(byte[] data) {
        offerData(new Output(System.nanoTime(), data), data.length);
    }

    @Override
    public void input(Seat seat, byte[] data) {
        offerData(new Input(System.nanoTime(), seat, data), data.length);
    }

    @Override
    public void resize(int cols, int rows) {
        offer(new Resize(System.nanoTime(), cols, rows));
    }

    @Override
    public void joined(Seat seat) {
        offer(new Joined(System.nanoTime(), seat, new Who(seat.participant().keyFingerprint(), seat.participant().user())));
    }

    @Override
    public void left(Seat seat) {
        offer(new Left(System.nanoTime(), seat));
    }

    @Override
    public void ended(String reason) {
        offer(new Ended(System.nanoTime(), reason));
    }

    private void offerData(Item item, int size) {
        if (queuedBytes.get() + size > queueLimit) {
            lostBytes.addAndGet(size);
            lostTotal.addAndGet(size);
            return;
        }
        queuedBytes.addAndGet(size);
        offer(item);
    }

    private void offer(Item item) {
        long lost = lostBytes.get();
        if (lost > 0 && lostBytes.compareAndSet(lost, 0)) {
            queue.add(new Lost(item.nanos(), lost));
        }
        queue.add(item);
        schedule(BATCH_MILLIS);
    }

    // ---- the drains ----

    /** Asks the service for a drain in {@code millis}, unless one is scheduled or running (it looks again when done). */
    private void schedule(long millis) {
        if (draining.compareAndSet(false, true)) service.later(this::drain, millis);
    }

    private void drain() {
        long next = -1;   // when the next drain is due without new events, in ms; -1: none
        try {
            if (finished) return;
            if (!opened) {
                opened = true;
                open();
                write(new SessionEvent("start", null));
            }
            for (Item item = queue.poll(); item != null; item = queue.poll()) {
                if (item instanceof Output o) queuedBytes.addAndGet(-o.data().length);
                if (item instanceof Input i) queuedBytes.addAndGet(-i.data().length);
                if (handle(item)) return;
            }
            flushTyping(false);
            // Typing is summed per second: the row of the second under way is written once it is over.
            if (!typing.isEmpty()) next = 1000 - Instant.now().toEpochMilli() % 1000 + 10;
        } catch (RuntimeException e) {
            log.warn("recorder for session {} failed: {}", session.id(), e.toString());
            finish("recorder failed: " + e.getMessage());
        } finally {
            draining.set(false);
        }
        if (finished) return;
        if (!queue.isEmpty()) {
            schedule(BATCH_MILLIS);   // events came while this drain ran
        } else if (next >= 0) {
            schedule(next);
        }
    }

    private void open() {
        Instant at = startInstant;
        Path rel = RecordingService.relativePath(session.id(), at);
        Path path = service.dataDir().resolve(rel);
        var spec = session.spec();
        Header header = Header.of(spec.cols(), spec.rows()).withTimestamp(at.getEpochSecond())
                .withCommand(spec.command()).withTitle(spec.command() + " (shared from " + spec.hostAddress() + ")");
        eventNanos = startNanos;  // time zero
        try {
            Files.createDirectories(path.getParent());
            writer = AsciicastWriter.create(path, header, this::clock);
            file = path;
            index.started(session.id(), rel.toString(), at, spec.cols(), spec.rows(), spec.command());
            service.live(this, true);
        } catch (IOException | RuntimeException e) {
            log.warn("session {} is not recorded: {}", session.id(), e.toString());
        } finally {
            eventNanos = 0;
        }
    }

    /** Returns true after the end. */
    private boolean handle(Item item) {
        eventNanos = item.nanos();
        try {
            switch (item) {
                case Output o -> writer(w -> w.output(o.data(), 0, o.data().length));
                case Resize r -> writer(w -> w.resize(r.cols(), r.rows()));
                case Lost l -> writer(w -> w.marker("recording lost " + l.bytes() + " bytes (relay overloaded)"));
                case Input i -> {
                    if (recordInput) writer(w -> w.input(i.data(), 0, i.data().length));
                    typed(i);
                }
                case Joined j -> {
                    joined.put(j.seat().number(), j.who());
                    String who = describe(j.seat(), j.who().fingerprint());
                    writer(w -> w.marker("joined " + who));
                    write(participantEvent("join", j.seat(), j.who(), item.nanos()));
                }
                case Left l -> {
                    flushTyping(l.seat().number());
                    Who who = joined.getOrDefault(l.seat().number(), Who.NOBODY);
                    joined.remove(l.seat().number());
                    writer(w -> w.marker("left: " + describe(l.seat(), who.fingerprint())));
                    write(participantEvent("leave", l.seat(), who, item.nanos()));
                }
                case Ended e -> {
                    writer(w -> w.marker("ended: " + e.reason()));
                    finish(e.reason());
                    return true;
                }
            }
        } finally {
            eventNanos = 0;
        }
        return false;
    }

    private void finish(String reason) {
        if (finished) return;
        finished = true;
        try {
            writeEnd(reason);
        } finally {
            done.countDown();
        }
    }

    private void writeEnd(String reason) {
        flushTyping(true);
        service.writeTyping();   // this session's typing is in the audit log before its end is
        write(new SessionEvent("end", reason));
        service.live(this, false);
        AsciicastWriter w = writer;
        if (w == null) return;
        try {
            w.close();
            index.finished(session.id(), Instant.now(), Duration.ofNanos(w.lastEventMicros() * 1000), Files.size(file), lostTotal.get());
        } catch (IOException e) {
            log.warn("closing recording {}: {}", file, e.getMessage());
        }
    }

    /**
     * A participant's proven identity: key fingerprint and account. The account goes to the audit log
     * only, never into the recording's markers (viewers replay recordings; only admins read the audit log).
     */
    private record Who(String fingerprint, String user) {
        static final Who NOBODY = new Who(null, null);
    }

    private static String describe(Seat seat, String fingerprint) {
        var p = seat.participant();
        return seat.role().label() + " via " + p.transport() + " from " + p.address()
                + (fingerprint == null ? "" : " with key " + fingerprint);
    }

    /** The session's own start or end, for the audit log. */
    private record SessionEvent(String kind, String detail) {}

    private void write(SessionEvent e) {
        var spec = session.spec();
        String detail = e.kind().equals("start") ? spec.command() : e.detail();
        Instant at = e.kind().equals("start") ? startInstant : Instant.now();
        // The host's account (its API key's owner) stands for the session's start and its end.
        audit.add(new AuditEvent(session.id(), ++seq, at, e.kind(), 0, session.hostTransport(), spec.hostAddress(), null,
                spec.readOnly() ? "read-only" : "read-write", spec.access().owner(), detail));
    }

    private void write(AuditEvent e) {
        audit.add(e);
    }

    private AuditEvent participantEvent(String kind, Seat seat, Who who, long nanos) {
        var p = seat.participant();
        return new AuditEvent(session.id(), ++seq, instant(nanos), kind, seat.number(), p.transport(), p.address(), who.fingerprint(),
                seat.role().label(), who.user(), null);
    }

    /** Sums input per participant per second; a row is written when the second is over. */
    private void typed(Input i) {
        long second = instant(i.nanos()).getEpochSecond();
        long[] t = typing.get(i.seat().number());
        if (t != null && t[0] != second) {
            flushTyping(i.seat().number());
            t = null;
        }
        if (t == null) typing.put(i.seat().number(), t = new long[] {second, 0, i.nanos()});
        t[1] += i.data().length;
    }

    private void flushTyping(int seatNumber) {
        long[] t = typing.remove(seatNumber);
        if (t != null) service.typed(new AuditLog.Typing(session.id(), seatNumber, instant(t[2]), t[1]));
    }

    /** Writes the seconds that are over (all of them when {@code all}). */
    private void flushTyping(boolean all) {
        long now = Instant.now().getEpochSecond();
        for (Integer n : typing.keySet().toArray(Integer[]::new)) {
            if (all || typing.get(n)[0] < now) flushTyping(n);
        }
    }

    private Instant instant(long nanos) {
        return startInstant.plusNanos(nanos - startNanos);
    }

    /** The writer's clock: the event's own time while one is written, otherwise now (for the flush deadline). */
    private long clock() {
        long e = eventNanos;
        return e != 0 ? e : System.nanoTime();
    }

    private interface WriterCall {
        void call(AsciicastWriter w) throws IOException;
    }

    private void writer(WriterCall call) {
        AsciicastWriter w = writer;
        if (w == null) return;
        try {
            call.call(w);
        } catch (IOException e) {
            log.warn("recording {}: {}", file, e.getMessage());
        }
    }
}
