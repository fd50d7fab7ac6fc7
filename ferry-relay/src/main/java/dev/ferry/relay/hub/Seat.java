package dev.ferry.relay.hub;

import dev.ferry.terminal.Frame;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A participant's place in a session: its role, its bounded outbound queue, and the calls it makes
 * into the hub. The participant's writer drains it after each {@link Participant#wake}.
 *
 * <p>Three styles: a {@link Style#STREAM} seat receives a snapshot, then raw output (web, CLI); a
 * {@link Style#RENDERED} seat receives coalesced {@link Delivery.Changed} wake-ups and pulls
 * {@link #frame()} (SSH); a {@link Style#PANES} seat receives the layout and each pane's own
 * snapshot and output (a browser watching a tmate host), and no resizes. All receive notices and the end.
 */
public final class Seat {
    /** PANES is asked for, not promised: in a session without panes the seat is a STREAM one. */
    public enum Style { STREAM, RENDERED, PANES }

    private final Session session;
    private final Participant participant;
    private final Role role;
    private final Style style;
    private final int number;

    // Guarded by the session's lock.
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean resync;      // stream: backlog dropped (or just joined); next drain starts with a snapshot
    private boolean changed;     // rendered: the screen changed since the last drain
    private boolean ended;
    private long pendingSince;   // System.nanoTime() when something became pending undrained; 0 when drained
    private int resyncs;
    private int cols, rows;

    Seat(Session session, Participant participant, Role role, Style style, int number) {
        this.session = session;
        this.number = number;
        this.participant = participant;
        this.role = role;
        this.style = style;
        this.resync = style != Style.RENDERED;
        this.changed = style == Style.RENDERED;
    }

    public Role role() { return role; }

    /** This seat's number in its session (1, 2, ...): names the participant in the audit log. */
    public int number() { return number; }

    public Style style() { return style; }

    public Participant participant() { return participant; }

    public Session session() { return session; }

    /** Keystrokes from this participant. Dropped here when its role is read-only. */
    public void input(byte[] data) {
        session.input(this, data);
    }

    /** The participant's window size (only matters under {@link ResizePolicy#SMALLEST_WRITER}). */
    public void resize(int cols, int rows) {
        session.participantResize(this, cols, rows);
    }

    /** Asks the source to make this pane its current one. Dropped here when the role is read-only. */
    public void selectPane(int pane) {
        session.selectPane(this, pane);
    }

    /** Takes everything pending, in order; empty when nothing is. Never blocks on I/O. */
    public List<Delivery> drain() {
        return session.drain(this);
    }

    /** The current screen, for rendered seats. */
    public Frame frame() {
        return session.frame();
    }

    /** The participant disconnected. Idempotent. */
    public void leave() {
        session.leave(this);
    }

    /** How many times this seat's backlog was dropped and replaced by a snapshot (after joining). */
    public int resyncs() {
        return session.locked(() -> resyncs);
    }

    // ---- called by Session with its lock held; each returns true when the participant needs a wake ----

    boolean offerOutput(Delivery.Output output, int limit) {
        if (ended) return false;
        if (style == Style.RENDERED) {
            return markChanged();
        }
        if (style != Style.STREAM) return false;
        return offerBytes(output, output.data().length, limit);
    }

    boolean offerPaneOutput(Delivery.PaneOutput output, int limit) {
        if (ended || style != Style.PANES) return false;
        return offerBytes(output, output.data().length, limit);
    }

    boolean offerLayout(Delivery.Layout layout) {
        if (ended || style != Style.PANES || resync) return false;   // a coming snapshot starts with the layout
        return add(layout);
    }

    boolean offerResize(Delivery.Resize resize) {
        if (ended) return false;
        if (style == Style.RENDERED) {
            queue.add(resize);
            return markChanged() | markPending();
        }
        if (style != Style.STREAM) return false;   // panes come with their sizes in the layout
        return resync ? false : add(resize);
    }

    /** Queues output, or when it would pass the limit drops the backlog for a snapshot (a resync). */
    private boolean offerBytes(Delivery d, int length, int limit) {
        if (resync) return false;  // the coming snapshot includes this output
        if (queuedBytes + length > limit) {
            queue.removeIf(q -> !(q instanceof Delivery.Notice));
            queuedBytes = 0;
            resync = true;
            resyncs++;
            return false;  // already pending
        }
        queuedBytes += length;
        return add(d);
    }

    boolean offerNotice(Delivery.Notice notice) {
        if (ended) return false;
        if (queue.size() > 1000) return false;  // a flood of notices to a stalled seat: drop, they are advisory
        return add(notice);
    }

    boolean offerEnd(Delivery.Ended end) {
        if (ended) return false;
        boolean wake = add(end);
        ended = true;
        return wake;
    }

    /** Empties the queue; a pending resync comes first, as what {@code snapshotter} makes for this seat's style. */
    List<Delivery> take(java.util.function.Function<Style, List<Delivery>> snapshotter) {
        List<Delivery> out = new java.util.ArrayList<>(queue.size() + 1);
        if (resync) {
            resync = false;
            if (!(queue.peekLast() instanceof Delivery.Ended)) {
                out.addAll(snapshotter.apply(style));
            }
        }
        if (changed) {
            changed = false;
            out.add(new Delivery.Changed());
        }
        out.addAll(queue);
        queue.clear();
        queuedBytes = 0;
        pendingSince = 0;
        return out;
    }

    boolean stalled(long now, long timeoutNanos) {
        return pendingSince != 0 && now - pendingSince > timeoutNanos;
    }

    int cols() { return cols; }

    int rows() { return rows; }

    void size(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
    }

    boolean pending() {
        return resync || changed || !queue.isEmpty();
    }

    private boolean add(Delivery d) {
        queue.add(d);
        return markPending();
    }

    private boolean markChanged() {
        if (changed) return false;
        changed = true;
        return markPending();
    }

    private boolean markPending() {
        if (pendingSince != 0) return false;
        pendingSince = System.nanoTime();
        return true;
    }

    /** Marks a freshly joined seat pending, so the first drain brings the snapshot. */
    void joined() {
        pendingSince = System.nanoTime();
    }
}
