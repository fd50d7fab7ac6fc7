package dev.ferry.relay.ssh;

import dev.ferry.relay.auth.User;
import dev.ferry.relay.hub.Delivery;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.JoinRefusedException;
import dev.ferry.relay.hub.Participant;
import dev.ferry.relay.hub.Seat;
import dev.ferry.relay.hub.Wakeup;
import dev.ferry.terminal.Frame;
import dev.ferry.terminal.Renderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stock-ssh joiner: the shell of a {@link JoinChannel}, seated in the hub as a
 * {@link Seat.Style#RENDERED rendered} participant.
 *
 * <p>Output: the joiner's own virtual thread waits for wake-ups, pulls the session's newest frame
 * and writes what the joiner's {@link Renderer} makes of it, then waits until SSH has handed those
 * bytes to the socket before rendering again. So at most one frame is in flight per joiner (a
 * client that advertises a huge window and never reads cannot make the relay buffer without
 * bound), changes that arrive meanwhile collapse into one render, and the hub never waits.
 *
 * <p>Input arrives on SSH's I/O thread and is handed straight to the seat, which drops it for
 * read-only joiners (the hub's one place for that rule).
 */
final class SshJoiner implements AsyncCommand, Participant {
    private static final Logger LOG = LoggerFactory.getLogger(SshJoiner.class);
    // Undo what a render may have left on the joiner's terminal (scroll region, attributes, hidden
    // cursor, application keys, paste and mouse modes) before printing the last line.
    private static final String RESET = "\033[r\033[0m\033[?25h\033[?1l\033>\033[?2004l"
            + "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1004l";
    private static final long POLL_MILLIS = 200;
    private static final long GOODBYE_MILLIS = 5_000;

    private final Hub hub;
    private final JoinChannel channel;
    private final SshEvents events;
    private final Wakeup wakeup = new Wakeup();
    private final StatusLine status = new StatusLine();

    private IoOutputStream out;
    private ExitCallback exit;
    private volatile Seat seat;
    private volatile User owner;       // the one user who registered the key this joiner proved; null: anonymous
    private volatile boolean closed;
    private volatile String dropped;   // the hub gave up on us, with this reason
    private int lastRow = 1;           // where the goodbye line goes (1-based), from the last render

    SshJoiner(Hub hub, JoinChannel channel, SshEvents events) {
        this.hub = hub;
        this.channel = channel;
        this.events = events;
        channel.setDataReceiver(new Keystrokes());
    }

    @Override public void setIoOutputStream(IoOutputStream out) { this.out = out; }

    @Override public void setIoErrorStream(IoOutputStream err) { /* with a pty, everything goes to out */ }

    @Override public void setIoInputStream(IoInputStream in) { /* input comes through Keystrokes */ }

    @Override public void setInputStream(InputStream in) { }

    @Override public void setOutputStream(OutputStream out) { }

    @Override public void setErrorStream(OutputStream err) { }

    @Override public void setExitCallback(ExitCallback exit) { this.exit = exit; }

    @Override
    public void start(ChannelSession ignored, Environment env) {
        Thread.ofVirtual().name("ssh-joiner").start(this::run);
    }

    @Override
    public void destroy(ChannelSession ignored) {
        closed = true;
        wakeup.wake();
        Seat s = seat;
        if (s != null) s.leave();
    }

    // ---- Participant: called by the hub, never blocking ----

    @Override public String transport() { return "ssh"; }

    @Override public String address() { return Peer.address(channel.getSession().getRemoteAddress()); }

    @Override public String keyFingerprint() { return Peer.of(channel.getSession()).keyFingerprint(); }

    @Override public void wake() { wakeup.wake(); }

    @Override public String user() { User u = owner; return u == null ? null : u.name(); }

    /** A key registered to a viewer seats its joiner read-only, whatever the link says (as a logged-in browser). */
    @Override public boolean mayWrite() { User u = owner; return u == null || u.mayWrite(); }

    @Override
    public java.util.Set<String> keyFingerprints() {
        String f = Peer.of(channel.getSession()).keyFingerprint();
        return f == null ? java.util.Set.of() : java.util.Set.of(f);
    }

    @Override
    public void disconnect(String reason) {
        dropped = reason;
        wakeup.wake();
    }

    // ---- the joiner's own thread ----

    private void run() {
        try {
            if (!channel.hasPty()) {
                finish("ferry: joining needs a terminal; run ssh with -t", 2);
                return;
            }
            String key = keyFingerprint();
            owner = key == null ? null : hub.admission().accounts().byKey(key).orElse(null);
            Seat s;
            try {
                s = hub.join(channel.getSession().getUsername(), this, Seat.Style.RENDERED);
            } catch (JoinRefusedException e) {
                if (JoinRefusedException.INVALID_TOKEN.equals(e.getMessage())) {
                    events.badToken(Peer.of(channel.getSession()));
                }
                finish(e.getMessage(), 1);
                return;
            }
            seat = s;
            if (closed) {          // the joiner hung up while we were seating it
                s.leave();
                return;
            }
            events.joined(Peer.of(channel.getSession()), s);
            channel.onWindowChange(wakeup::wake);
            writeFrames(s);
        } catch (IOException e) {
            LOG.debug("ssh joiner gone: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("ssh joiner failed", e);
            cutOff();
        } finally {
            closed = true;
            Seat s = seat;
            if (s != null) s.leave();
        }
    }

    private void writeFrames(Seat s) throws IOException {
        int cols = channel.cols(), rows = channel.rows();
        Renderer renderer = new Renderer(cols, rows);
        s.resize(cols, rows);
        while (!closed) {
            long wait = status.nanosUntilChange(System.nanoTime());
            try {
                wakeup.await(wait < 0 ? TimeUnit.HOURS.toNanos(1) : Math.max(wait, 1_000_000), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) return;
            String ended = null;
            for (Delivery d : s.drain()) {
                switch (d) {
                    case Delivery.Notice n -> status.notice(n.text(), System.nanoTime());
                    case Delivery.Ended e -> {
                        ended = e.line();
                        status.clearNotice();   // the goodbye replaces it; keep the last view whole
                    }
                    case Delivery.Changed c -> { }
                    case Delivery.Resize r -> { }
                    case Delivery.Snapshot snap -> { }   // stream seats only
                    case Delivery.Output o -> { }        // stream seats only
                    case Delivery.Layout l -> { }        // pane seats only
                    case Delivery.PaneOutput o -> { }
                    case Delivery.PaneSnapshot sn -> { }
                }
            }
            if (dropped != null) {
                finish(lastLine("[ferry] disconnected: " + dropped), 1);
                return;
            }
            if (channel.cols() != cols || channel.rows() != rows) {
                cols = channel.cols();
                rows = channel.rows();
                renderer.resize(cols, rows);
                s.resize(cols, rows);  // the hub decides whether it counts (never for read-only)
            }
            // Every wake-up renders: the renderer writes only what differs, so a wake with no
            // change costs a frame copy and writes nothing.
            Frame frame = s.frame();
            String statusText = status.text(cols, rows, frame.cols(), frame.rows(), System.nanoTime());
            byte[] bytes = renderer.render(frame, statusText);
            if (!write(bytes)) return;
            lastRow = statusText != null || frame.rows() >= rows ? rows : frame.rows() + 1;
            if (ended != null) {
                finish(lastLine("[ferry] " + ended), 0);
                return;
            }
        }
    }

    /**
     * The goodbye line, drawn without scrolling the joiner's last view away: on the row below the
     * session's screen when the window is taller, else over the last row (the status line).
     */
    private String lastLine(String text) {
        return RESET + "\033[" + lastRow + ";1H\033[2K" + text;
    }

    /**
     * Writes and waits until SSH has handed the bytes to the socket. False when the joiner went
     * away or the hub gave up on it meanwhile (then the connection is cut: a stalled stream
     * cannot carry a goodbye).
     */
    private boolean write(byte[] bytes) throws IOException {
        if (bytes.length == 0) return true;
        CompletableFuture<IoWriteFuture> done = new CompletableFuture<>();
        out.writeBuffer(new ByteArrayBuffer(bytes)).addListener(done::complete);
        while (true) {
            try {
                IoWriteFuture f = done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (!f.isWritten()) {
                    throw new IOException("write failed", f.getException());
                }
                return true;
            } catch (TimeoutException e) {
                if (closed) return false;
                if (dropped != null) {
                    LOG.debug("cutting off stalled ssh joiner from {}: {}", address(), dropped);
                    cutOff();
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    /** Prints the last line and ends the channel with this exit status (the client shows both). */
    private void finish(String line, int exitStatus) throws IOException {
        closed = true;
        CompletableFuture<IoWriteFuture> done = new CompletableFuture<>();
        out.writeBuffer(new ByteArrayBuffer((line + "\r\n").getBytes(StandardCharsets.UTF_8))).addListener(done::complete);
        try {
            done.get(GOODBYE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            cutOff();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The exit status and channel close normally end the client at once; if the connection is
        // still up a few seconds later, the joiner must not linger: cut it. Armed before onExit,
        // which can block, and checking the connection rather than the channel, which can count as
        // closed on our side while the client has not let go.
        Thread.ofVirtual().name("ssh-joiner-close").start(() -> {
            try {
                Thread.sleep(GOODBYE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!channel.getSession().isClosed()) {  // not isOpen(): a graceful close can hang half-way
                LOG.info("ssh joiner from {} still connected {} ms after its exit; cutting the connection", address(), GOODBYE_MILLIS);
                channel.getSession().close(true);
            }
        });
        exit.onExit(exitStatus);
    }

    private void cutOff() {
        closed = true;
        channel.getSession().close(true);
    }

    /** Keystrokes, on SSH's I/O thread: straight to the seat (non-blocking), or dropped before seating. */
    private final class Keystrokes implements ChannelDataReceiver {
        @Override
        public int data(ChannelSession ignored, byte[] buf, int start, int len) {
            Seat s = seat;
            if (s != null && len > 0) {
                s.input(Arrays.copyOfRange(buf, start, start + len));
            }
            return len;
        }

        @Override
        public void close() { }
    }
}
