package dev.ferry.relay.ssh;

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
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stock-ssh joiner: the shell of a {@link JoinChannel}, seated in the hub as a
 * {@link Seat.Style#RENDERED rendered} participant. Its own virtual thread waits for wake-ups,
 * pulls the session's newest frame and writes what the joiner's {@link Renderer} makes of it, so
 * changes that arrive while a write is slow collapse into one render and the hub never waits.
 * A second virtual thread passes keystrokes to the seat, which drops them for read-only joiners.
 */
final class SshJoiner implements Command, Participant {
    private static final Logger LOG = LoggerFactory.getLogger(SshJoiner.class);
    // Undo what a render may have left on the joiner's terminal (scroll region, attributes, hidden
    // cursor, application keys, paste and mouse modes) before printing the last line.
    private static final String RESET = "\033[r\033[0m\033[?25h\033[?1l\033>\033[?2004l"
            + "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1004l";
    private static final long GRACE_MILLIS = 2_000;

    private final Hub hub;
    private final JoinChannel channel;
    private final SshEvents events;
    private final Wakeup wakeup = new Wakeup();
    private final StatusLine status = new StatusLine();

    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile Seat seat;
    private volatile boolean closed;
    private volatile String dropped;   // the hub gave up on us, with this reason

    SshJoiner(Hub hub, JoinChannel channel, SshEvents events) {
        this.hub = hub;
        this.channel = channel;
        this.events = events;
    }

    @Override public void setInputStream(InputStream in) { this.in = in; }

    @Override public void setOutputStream(OutputStream out) { this.out = out; }

    @Override public void setErrorStream(OutputStream err) { /* with a pty, everything goes to out */ }

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

    @Override public void wake() { wakeup.wake(); }

    @Override
    public void disconnect(String reason) {
        dropped = reason;
        wakeup.wake();
        // If the writer is stuck in a write to this (stalled) joiner, it cannot say goodbye: cut it off.
        Thread.ofVirtual().name("ssh-joiner-drop").start(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) channel.close(true);
        });
    }

    // ---- the joiner's own thread ----

    private void run() {
        try {
            if (!channel.hasPty()) {
                finish("ferry: joining needs a terminal; run ssh with -t", 2);
                return;
            }
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
            events.joined(Peer.of(channel.getSession()), s);
            if (closed) {          // the joiner hung up while we were seating it
                s.leave();
                return;
            }
            channel.onWindowChange(wakeup::wake);
            Thread.ofVirtual().name("ssh-joiner-input").start(() -> readInput(s));
            writeFrames(s);
        } catch (IOException e) {
            LOG.debug("ssh joiner gone: {}", e.toString());
            closed = true;
        } catch (RuntimeException e) {
            LOG.warn("ssh joiner failed", e);
            finishQuietly("ferry: internal error", 1);
        } finally {
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
                    case Delivery.Ended e -> ended = e.line();
                    case Delivery.Changed c -> { }
                    case Delivery.Resize r -> { }
                    case Delivery.Snapshot snap -> { }   // stream seats only
                    case Delivery.Output o -> { }        // stream seats only
                }
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
            byte[] bytes = renderer.render(frame, status.text(cols, rows, frame.cols(), frame.rows(), System.nanoTime()));
            if (bytes.length > 0) {
                out.write(bytes);
                out.flush();
            }
            if (ended != null) {
                finish(RESET + "\033[" + rows + ";1H\r\n[ferry] " + ended, 0);
                return;
            }
            if (dropped != null) {
                finish(RESET + "\033[" + rows + ";1H\r\n[ferry] disconnected: " + dropped, 1);
                return;
            }
        }
    }

    private void readInput(Seat s) {
        byte[] buf = new byte[8192];
        try {
            for (int n; !closed && (n = in.read(buf)) > 0; ) {
                s.input(Arrays.copyOf(buf, n));
            }
        } catch (IOException e) {
            LOG.debug("ssh joiner input ended: {}", e.toString());
        }
    }

    /** Prints the last line and ends the channel with this exit status. */
    private void finish(String line, int exitStatus) throws IOException {
        closed = true;
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        exit.onExit(exitStatus);
    }

    private void finishQuietly(String line, int exitStatus) {
        try {
            finish(line, exitStatus);
        } catch (IOException e) {
            channel.close(true);
        }
    }
}
