package dev.ferry.relay.tmate;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a stock tmate host on the {@code tmate} subsystem: decodes its msgpack stream
 * (strictly bounded), collects the options it replicates before READY, then belongs to a
 * {@link TmateSession} (a new one, or the one its reconnection data names) and hands it the
 * host's layout, output and status.
 *
 * <p>The reader runs on its own virtual thread and never stops consuming (the host writes with
 * blocking SSH writes; a stalled reader would freeze the user's terminal). Everything the relay
 * sends goes through one writer thread, each message encoded whole beforehand: a malformed
 * message would kill the user's whole tmate.
 */
public final class TmateHost implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(TmateHost.class);
    private static final long DRAIN_MILLIS = 2_000;   // how long a closed channel's last messages may take to read
    static final int PROTOCOL_VERSION = 6;
    static final int MAX_MESSAGE_BYTES = 8 << 20;
    private static final int MAX_QUEUED = 10_000;
    private static final byte[] STOP = new byte[0];

    // Relay to host (TMATE_IN_*).
    static final int NOTIFY = 0, RESIZE = 2, SET_ENV = 4, READY = 5, PANE_KEY = 6, EXEC_CMD = 7;

    private final TmateSessions sessions;
    private final String address;
    private final Prefix prefix = new Prefix();
    private final LinkedBlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final HostOptions options = new HostOptions();

    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile TmateSession session;
    private volatile boolean closed;
    private volatile Thread reader;
    private volatile boolean dropped;   // replaced by a newer connection of the same host: end quietly
    private String reconnectionData;

    public TmateHost(TmateSessions sessions, String address) {
        this.sessions = sessions;
        this.address = address;
    }

    @Override public void setInputStream(InputStream in) { this.in = in; }

    @Override public void setOutputStream(OutputStream out) { this.out = out; }

    @Override public void setErrorStream(OutputStream err) { }

    @Override public void setExitCallback(ExitCallback exit) { this.exit = exit; }

    @Override
    public void start(ChannelSession channel, Environment env) {
        reader = Thread.ofVirtual().name("tmate-host-reader").start(this::read);
        Thread.ofVirtual().name("tmate-host-writer").start(this::write);
    }

    /**
     * The channel closed. tmate's last message (FIN, on kill-server) can still be unread in the
     * channel's stream at that moment; treating the close as a drop first would ignore that FIN and
     * keep the session waiting for a reconnection. So the reader gets a moment to drain the stream
     * (it ends the session on FIN, or reports the drop itself at EOF); only then is it a drop.
     */
    @Override
    public void destroy(ChannelSession channel) {
        Thread r = reader;
        Thread.ofVirtual().name("tmate-host-closed").start(() -> {
            try {
                if (r != null) r.join(DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lost();
        });
    }

    // ---- from the session ----

    /** Keystrokes of read-write participants: pane keys, or tmux commands for the prefix bindings. */
    void keys(byte[] data) {
        synchronized (prefix) {
            for (long key : Keys.parse(data)) {
                List<String> command = prefix.key(key);
                if (command == null) {
                    send(MsgpackWriter.array(PANE_KEY, -1, key));
                } else if (!command.isEmpty()) {
                    command(command);
                }
            }
        }
    }

    /** Runs a tmux command on the host (as its mirrored client would: EXEC_CMD). */
    void command(List<String> argv) {
        List<Object> msg = new ArrayList<>(List.of(EXEC_CMD, 0));
        msg.addAll(argv);
        send(MsgpackWriter.array(msg.toArray()));
    }

    /** Refused at READY: these lines are shown to the host, then the connection closes. */
    void refuse(List<String> lines) {
        for (String line : lines) send(MsgpackWriter.array(NOTIFY, line));
        close();
    }

    /** The host reconnected over a newer connection: this one ends without touching the session. */
    void drop() {
        dropped = true;
        close();
    }

    // ---- reading ----

    private void read() {
        MsgpackReader reader = new MsgpackReader(new BufferedInputStream(in, 64 * 1024), MAX_MESSAGE_BYTES);
        try {
            HostMessage header = HostMessage.of(reader.next());
            if (header.type() != HostMessage.HEADER) {
                throw new MsgpackReader.MalformedException("the first host message is not a header");
            }
            if (header.integer(0) != PROTOCOL_VERSION) {
                refuse(List.of("This relay speaks tmate protocol " + PROTOCOL_VERSION + " (tmate 2.4); please use tmate 2.4"));
                return;
            }
            while (!closed) {
                handle(HostMessage.of(reader.next()));
            }
        } catch (MsgpackReader.MalformedException e) {
            LOG.info("tmate host from {}: malformed data: {}", address, e.getMessage());
            end("the tmate host sent malformed data");
        } catch (EOFException e) {
            lost();
        } catch (IOException e) {
            LOG.debug("tmate host from {} gone: {}", address, e.toString());
            lost();
        } catch (RuntimeException e) {
            LOG.warn("tmate host from {} failed", address, e);
            end("relay error");
        }
    }

    private void handle(HostMessage m) throws MsgpackReader.MalformedException {
        TmateSession s = session;
        switch (m.type()) {
            case HostMessage.EXEC_CMD -> {
                List<String> argv = m.strings(0);
                String late = s == null ? null : HostOptions.namingOption(argv);
                if (late != null) {
                    send(MsgpackWriter.array(NOTIFY, Notices.lateOption(late)));
                } else if (s == null) {
                    options.hostCommand(argv);
                }
                synchronized (prefix) {
                    prefix.hostCommand(argv);
                }
            }
            case HostMessage.RECONNECT -> {
                String data = m.string(0);
                if (s == null && data.length() <= TmateSessions.MAX_RECONNECTION_DATA) reconnectionData = data;
            }
            case HostMessage.READY -> {
                if (s == null) session = sessions.ready(this, options, reconnectionData, address);
            }
            case HostMessage.SYNC_LAYOUT -> {
                Layout layout = LayoutCodec.decode(m);
                if (s != null) s.layout(this, layout);
            }
            case HostMessage.PTY_DATA -> {
                int pane = m.integer(0, -1, Integer.MAX_VALUE);
                byte[] data = m.bytes(1);
                if (s != null) s.output(this, pane, data);
            }
            case HostMessage.STATUS -> {
                String left = m.string(0), right = m.string(1);
                if (s != null) s.status(this, left, right);
            }
            case HostMessage.SYNC_COPY_MODE -> {
                int pane = m.integer(0, -1, Integer.MAX_VALUE);
                Mirror.CopyView view = copyView(m.array(1));
                if (s != null) s.copyMode(this, pane, view);
            }
            case HostMessage.WRITE_COPY_MODE -> {
                int pane = m.integer(0, -1, Integer.MAX_VALUE);
                String line = m.string(1);
                if (s != null) s.copyLine(this, pane, line);
            }
            case HostMessage.SNAPSHOT -> {
                if (s != null) s.snapshot(this, m);
            }
            case HostMessage.FIN -> {
                if (s != null) s.end(this, "the host ended the tmate session");
                close();
            }
            default -> { }   // UNAME, FAILED_CMD, legacy: nothing to do
        }
    }

    /** SYNC_COPY_MODE's state {@code [backing, oy, cx, cy, selection, input]}, or null for {@code []} (copy mode left). */
    private static Mirror.CopyView copyView(List<?> state) throws MsgpackReader.MalformedException {
        if (state.isEmpty()) return null;
        HostMessage v = HostMessage.nested(state, "a copy-mode state");
        return new Mirror.CopyView(v.integer(0) != 0, clamp(v.integer(1)), clamp(v.integer(2)), clamp(v.integer(3)));
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(v, 10_000_000));
    }

    /** The session ends for good (malformed data, relay error); without a session, just the connection. */
    private void end(String reason) {
        TmateSession s = session;
        if (s != null) s.end(this, reason);
        close();
    }

    /** The connection is gone without FIN: the session waits for the host to reconnect. */
    private void lost() {
        TmateSession s = session;
        if (s != null && !dropped) s.lost(this);
        close();
    }

    // ---- writing ----

    void send(byte[] message) {
        if (closed) return;
        if (!outbox.offer(message)) {
            LOG.warn("tmate host from {}: outbound queue full, message dropped", address);
        }
    }

    private void write() {
        try {
            while (true) {
                byte[] m = outbox.poll(1, TimeUnit.SECONDS);
                if (m == STOP) break;
                if (m == null) {
                    if (closed && outbox.isEmpty()) break;
                    continue;
                }
                out.write(m);
                if (outbox.isEmpty()) out.flush();
            }
            out.flush();
        } catch (IOException e) {
            LOG.debug("tmate host from {}: write failed: {}", address, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ExitCallback e = exit;
        if (e != null) e.onExit(0);
    }

    boolean closed() {
        return closed;
    }

    /** Closes the connection once what is queued has been written (idempotent). */
    void close() {
        if (closed) return;
        closed = true;
        outbox.offer(STOP);
    }
}
