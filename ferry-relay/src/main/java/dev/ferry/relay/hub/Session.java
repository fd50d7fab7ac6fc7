package dev.ferry.relay.hub;

import dev.ferry.protocol.Message;
import dev.ferry.terminal.Frame;
import dev.ferry.terminal.Terminal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One shared terminal: its source, its screen model (fed every output byte), and its seats.
 *
 * <p>Everything below happens under one lock that guards only memory: appending to seats' queues
 * and to the screen model's pending input. No I/O and no callback into a transport runs under it;
 * wakes, source calls and the session log run after it is released. The screen model is fed after
 * that, off the delivery path ({@link ScreenFeed}); a snapshot, taken under this lock, first feeds
 * it everything delivered so far.
 */
public final class Session {
    /** Feeds screen models off the delivery path (CPU work: parsing, history). */
    private static final java.util.concurrent.Executor SCREEN_WORKERS =
            r -> Thread.ofVirtual().name("ferry-screen").start(r);
    /** How far a screen model may lag the stream before the host's output feeds it directly. */
    private static final long SCREEN_MAX_PENDING = 8L << 20;

    private final Hub hub;
    private final String id = UUID.randomUUID().toString();
    private final Instant created = Instant.now();
    private final SessionSpec spec;
    private final Source source;
    private final String rwToken;   // null for a read-only session
    private final String roToken;

    private final ReentrantLock lock = new ReentrantLock();
    private final ScreenFeed screen;
    private PaneScreens panes;       // null until the source describes its panes (only tmate hosts do)
    private final List<Seat> seats = new ArrayList<>();
    private volatile int seatCount;  // seats.size(), readable without the lock (participants ask on every wake)
    private volatile SessionObserver observer = SessionObserver.NONE;
    private int seatNumbers;
    private String endReason;

    Session(Hub hub, Source source, SessionSpec spec, String rwToken, String roToken) {
        this.hub = hub;
        this.source = source;
        this.spec = spec;
        this.rwToken = rwToken;
        this.roToken = roToken;
        this.screen = new ScreenFeed(new Terminal(spec.cols(), spec.rows()), SCREEN_WORKERS, SCREEN_MAX_PENDING);
    }

    public String id() { return id; }

    public Instant created() { return created; }

    public SessionSpec spec() { return spec; }

    /** How the host is connected ("web", "ssh"), for the audit log. */
    public String hostTransport() { return source.transport(); }

    /** Whether the source sends its output compressed already ({@link Source#deflatesOutput}). */
    public boolean outputDeflated() { return source.deflatesOutput(); }

    /** The read-write token; null for a read-only session. Never log it. */
    public String readWriteToken() { return rwToken; }

    /** The read-only token. Never log it. */
    public String readOnlyToken() { return roToken; }

    /** The links, as someone with this role may see them (read-only viewers never learn the read-write token). */
    public Message.SessionInfo info(Role role) {
        Endpoints e = hub.endpoints();
        boolean ro = role == Role.READ_ONLY || rwToken == null;
        return new Message.SessionInfo(ro, ro ? "" : rwToken, roToken, e.sshHost(), e.sshPort(), e.webBase());
    }

    /** Null while running; the reason once ended. */
    public String endReason() {
        return locked(() -> endReason);
    }

    /** Set by the hub right after opening, before the source can produce anything. */
    void observer(SessionObserver observer) {
        this.observer = observer;
    }

    public int participantCount() {
        return seatCount;
    }

    // ---- the source's side ----

    /**
     * Output from the source: queued for every seat, then handed to the screen model, which is fed
     * after the participants are woken (see {@link ScreenFeed}).
     */
    public void output(byte[] data, int offset, int length) {
        if (length == 0) return;
        output(java.util.Arrays.copyOfRange(data, offset, offset + length), new SharedEncoding());
    }

    /**
     * Output the source has already compressed as a {@code deflated} frame ({@code deflated}, the
     * whole frame): participants that read deflated frames get those very bytes. {@code data} becomes
     * the session's: the caller must not change it.
     */
    public void output(byte[] data, byte[] deflated) {
        if (data.length == 0) return;
        output(data, SharedEncoding.of(deflated));
    }

    private void output(byte[] copy, SharedEncoding encoding) {
        Delivery.Output out = new Delivery.Output(copy, encoding);
        int limit = hub.limits().queueBytes();
        List<Seat> wake = new ArrayList<>(4);
        lock.lock();
        try {
            if (endReason != null) return;
            observer.output(copy);
            for (Seat s : seats) {
                if (s.offerOutput(out, limit)) wake.add(s);
            }
            screen.output(copy);
        } finally {
            lock.unlock();
        }
        wakeAll(wake);
        screen.kick();
    }

    /**
     * The source's panes and windows (a tmate host's), first or changed: pane seats get it, and
     * each pane named gets a screen model. From then on the session has panes.
     */
    public void layout(Message.Layout layout) {
        Delivery.Layout d = new Delivery.Layout(layout);
        List<Seat> wake = new ArrayList<>(4);
        List<ScreenFeed> kick;
        lock.lock();
        try {
            if (endReason != null) return;
            if (panes == null) panes = new PaneScreens(SCREEN_WORKERS, SCREEN_MAX_PENDING);
            kick = panes.layout(layout);
            for (Seat s : seats) {
                if (s.offerLayout(d)) wake.add(s);
            }
        } finally {
            lock.unlock();
        }
        wakeAll(wake);
        kick.forEach(ScreenFeed::kick);
    }

    /** Output of one pane the layout names (for pane seats; the composed picture still goes to {@link #output}). */
    public void paneOutput(int pane, byte[] data) {
        if (data.length == 0) return;
        Delivery.PaneOutput out = new Delivery.PaneOutput(pane, data.clone());
        int limit = hub.limits().queueBytes();
        List<Seat> wake = new ArrayList<>(4);
        ScreenFeed screen;
        lock.lock();
        try {
            screen = endReason != null || panes == null ? null : panes.screen(pane);
            if (screen == null) return;
            for (Seat s : seats) {
                if (s.offerPaneOutput(out, limit)) wake.add(s);
            }
            screen.output(out.data());
        } finally {
            lock.unlock();
        }
        wakeAll(wake);
        screen.kick();
    }

    /** The source's terminal changed size (the HOST policy's size; under SMALLEST_WRITER the source's answer). */
    public void resize(int cols, int rows) {
        Delivery.Resize r = new Delivery.Resize(cols, rows);
        List<Seat> wake = new ArrayList<>(4);
        lock.lock();
        try {
            if (endReason != null) return;
            screen.resize(cols, rows);
            observer.resize(cols, rows);
            for (Seat s : seats) {
                if (s.offerResize(r)) wake.add(s);
            }
        } finally {
            lock.unlock();
        }
        wakeAll(wake);
        screen.kick();
    }

    /** A notice for every participant (not the source). */
    public void notice(String text) {
        broadcast(s -> s.offerNotice(new Delivery.Notice(text)), null);
    }

    /** Ends the session: every participant gets the reason, the tokens die, the source is told. Idempotent. */
    public void end(String reason) {
        List<Seat> wake = new ArrayList<>();
        lock.lock();
        try {
            if (endReason != null) return;
            endReason = reason;
            observer.ended(reason);
            Delivery.Ended end = new Delivery.Ended(reason);
            for (Seat s : seats) {
                if (s.offerEnd(end)) wake.add(s);
            }
        } finally {
            lock.unlock();
        }
        hub.removed(this, reason);
        wakeAll(wake);
        source.ended(reason);
    }

    // ---- the participants' side (through Seat) ----

    Seat join(Participant p, Role role, Seat.Style style) throws JoinRefusedException {
        Seat seat;
        int count;
        lock.lock();
        try {
            if (endReason != null) throw new JoinRefusedException(JoinRefusedException.INVALID_TOKEN);
            if (style == Seat.Style.PANES && panes == null) style = Seat.Style.STREAM;
            seat = new Seat(this, p, role, style, ++seatNumbers);
            seat.size(spec.cols(), spec.rows());
            seat.joined();
            seats.add(seat);
            seatCount = seats.size();
            count = seatCount;
            observer.joined(seat);
        } finally {
            lock.unlock();
        }
        p.wake();
        String what = role.label() + " via " + p.transport() + " from " + p.address();
        source.joined(p.transport(), p.address(), role, count);
        broadcast(s -> s.offerNotice(new Delivery.Notice("someone joined " + what)), seat);
        return seat;
    }

    void leave(Seat seat) {
        boolean removed;
        boolean running;
        int count;
        lock.lock();
        try {
            removed = seats.remove(seat);
            seatCount = seats.size();
            running = endReason == null;
            count = seats.size();
            if (removed && running) observer.left(seat);
        } finally {
            lock.unlock();
        }
        if (removed && running) {
            String what = seat.role().label() + " via " + seat.participant().transport() + " from " + seat.participant().address();
            source.left(seat.participant().transport(), seat.participant().address(), seat.role(), count);
            broadcast(s -> s.offerNotice(new Delivery.Notice("someone left: " + what)), null);
            if (spec.resizePolicy() == ResizePolicy.SMALLEST_WRITER) resizeToWriters();
        }
    }

    /** The one place read-only is enforced, for every transport. */
    void input(Seat seat, byte[] data) {
        if (seat.role() != Role.READ_WRITE || data.length == 0) return;
        byte[] copy = data.clone();
        lock.lock();
        try {
            if (endReason != null) return;
            observer.input(seat, copy);
        } finally {
            lock.unlock();
        }
        source.input(copy);
    }

    /** Read-only participants do not move the host around either. */
    void selectPane(Seat seat, int pane) {
        if (seat.role() != Role.READ_WRITE || endReason() != null) return;
        source.selectPane(pane);
    }

    void participantResize(Seat seat, int cols, int rows) {
        lock.lock();
        try {
            seat.size(cols, rows);
        } finally {
            lock.unlock();
        }
        if (spec.resizePolicy() == ResizePolicy.SMALLEST_WRITER && seat.role() == Role.READ_WRITE) resizeToWriters();
    }

    List<Delivery> drain(Seat seat) {
        return locked(() -> seat.take(style -> style == Seat.Style.PANES
                ? panes.snapshot(hub.limits().historyLines())
                : List.of(snapshotLocked())));
    }

    /** The current screen (everything output so far fed first). Takes only the screen's lock. */
    Frame frame() {
        return screen.frame();
    }

    /**
     * Compacts the scrollback of this session's screens that went quiet ({@link ScreenFeed#compactIfQuiet}),
     * and lets the source do the same with its own ({@link Source#compactIfQuiet}).
     */
    void compactIfQuiet(long now, long quietNanos) {
        screen.compactIfQuiet(now, quietNanos);
        for (ScreenFeed pane : locked(() -> panes == null ? List.<ScreenFeed>of() : panes.all())) {
            pane.compactIfQuiet(now, quietNanos);
        }
        source.compactIfQuiet(now, quietNanos);
    }

    /** Whether the main screen's history is compacted and unused since (for tests). */
    boolean screenCompacted() {
        return screen.compacted();
    }

    /** Gives up on seats that left their queue undrained too long. Called by the hub's watchdog. */
    void dropStalled(long now, long timeoutNanos) {
        List<Seat> stalled = new ArrayList<>();
        lock.lock();
        try {
            for (Seat s : seats) {
                if (s.stalled(now, timeoutNanos)) stalled.add(s);
            }
        } finally {
            lock.unlock();
        }
        for (Seat s : stalled) {
            s.leave();
            s.participant().disconnect("too slow: nothing received for " + timeoutNanos / 1_000_000_000L + " s");
        }
    }

    <T> T locked(Supplier<T> f) {
        lock.lock();
        try {
            return f.get();
        } finally {
            lock.unlock();
        }
    }

    /** Under the session's lock: the screen at exactly the stream position the seat's queue continues from. */
    private Delivery.Snapshot snapshotLocked() {
        return screen.read(terminal -> new Delivery.Snapshot(terminal.cols(), terminal.rows(),
                ScreenFeed.snapshot(terminal, hub.limits().historyLines())));
    }

    ScreenFeed screen() {
        return screen;
    }

    private void resizeToWriters() {
        int[] size = locked(() -> {
            int c = Integer.MAX_VALUE, r = Integer.MAX_VALUE;
            for (Seat s : seats) {
                if (s.role() == Role.READ_WRITE && s.cols() > 0) {
                    c = Math.min(c, s.cols());
                    r = Math.min(r, s.rows());
                }
            }
            return c == Integer.MAX_VALUE ? null : new int[] {c, r};
        });
        if (size != null) {
            source.resize(size[0], size[1]);
        } else {
            source.resize(0, 0);
        }
    }

    private void broadcast(Function<Seat, Boolean> offer, Seat except) {
        List<Seat> wake = new ArrayList<>();
        lock.lock();
        try {
            for (Seat s : seats) {
                if (s != except && offer.apply(s)) wake.add(s);
            }
        } finally {
            lock.unlock();
        }
        wakeAll(wake);
    }

    private static void wakeAll(List<Seat> seats) {
        for (Seat s : seats) {
            s.participant().wake();
        }
    }
}
