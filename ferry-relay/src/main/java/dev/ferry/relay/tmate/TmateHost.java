package dev.ferry.relay.tmate;

import dev.ferry.protocol.Links;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Role;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionAccess;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import dev.ferry.terminal.Renderer;
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
 * One stock tmate host on the {@code tmate} subsystem: decodes its msgpack stream (strictly
 * bounded), answers the handshake with the session's links, mirrors its panes, and is the
 * session's {@link Source} in the hub. The hub sees one terminal: the current window composed
 * with borders and a status line, re-rendered as the host's panes change.
 *
 * <p>The reader runs on its own virtual thread and never stops consuming (the host writes with
 * blocking SSH writes; a stalled reader would freeze the user's terminal). Everything the relay
 * sends goes through one writer thread, each message encoded whole beforehand: a malformed
 * message would kill the user's whole tmate.
 */
public final class TmateHost implements Command, Source {
    private static final Logger LOG = LoggerFactory.getLogger(TmateHost.class);
    static final int PROTOCOL_VERSION = 6;
    static final int MAX_MESSAGE_BYTES = 8 << 20;
    private static final int MAX_QUEUED = 10_000;
    private static final byte[] STOP = new byte[0];

    // Relay to host (TMATE_IN_*).
    static final int NOTIFY = 0, RESIZE = 2, SET_ENV = 4, READY = 5, PANE_KEY = 6, EXEC_CMD = 7;

    private final Hub hub;
    private final String address;
    private final Mirror mirror = new Mirror();
    private final Prefix prefix = new Prefix();
    private final LinkedBlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final HostOptions options = new HostOptions();

    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile Session session;
    private volatile boolean closed;
    private Renderer renderer;
    private int shownCols, shownRows;

    public TmateHost(Hub hub, String address) {
        this.hub = hub;
        this.address = address;
    }

    @Override public void setInputStream(InputStream in) { this.in = in; }

    @Override public void setOutputStream(OutputStream out) { this.out = out; }

    @Override public void setErrorStream(OutputStream err) { }

    @Override public void setExitCallback(ExitCallback exit) { this.exit = exit; }

    @Override
    public void start(ChannelSession channel, Environment env) {
        Thread.ofVirtual().name("tmate-host-reader").start(this::read);
        Thread.ofVirtual().name("tmate-host-writer").start(this::write);
    }

    @Override
    public void destroy(ChannelSession channel) {
        stop("the tmate host disconnected");
    }

    // ---- Source: called by the hub, never blocking ----

    @Override
    public void input(byte[] data) {
        synchronized (prefix) {
            for (long key : Keys.parse(data)) {
                List<String> command = prefix.key(key);
                if (command == null) {
                    send(MsgpackWriter.array(PANE_KEY, -1, key));
                } else if (!command.isEmpty()) {
                    List<Object> msg = new ArrayList<>(List.of(EXEC_CMD, 0));
                    msg.addAll(command);
                    send(MsgpackWriter.array(msg.toArray()));
                }
            }
        }
    }

    @Override
    public void notice(String text) {
        notify(text);
    }

    @Override
    public void joined(String transport, String address, Role role, int participants) {
        notify("A mate has joined (" + address + ") -- " + participants + " client(s) currently connected");
        send(MsgpackWriter.array(SET_ENV, "tmate_num_clients", Integer.toString(participants)));
    }

    @Override
    public void left(String transport, String address, Role role, int participants) {
        notify("A mate has left (" + address + ") -- " + participants + " client(s) currently connected");
        send(MsgpackWriter.array(SET_ENV, "tmate_num_clients", Integer.toString(participants)));
    }

    @Override
    public void resize(int cols, int rows) {
        if (cols <= 0 || rows <= 0) {
            send(MsgpackWriter.array(RESIZE, -1, -1));   // no read-write joiner: the host's own size rules
            return;
        }
        // The joiner's whole window is the composed picture: the host's window area is one row less (our status line).
        send(MsgpackWriter.array(RESIZE, cols, Math.max(1, rows - 1)));
    }

    @Override
    public void ended(String reason) {
        if (closed) return;
        notify("Session closed: " + reason);
        closed = true;
        outbox.offer(STOP);
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
                notify("This relay speaks tmate protocol " + PROTOCOL_VERSION + " (tmate 2.4); please use tmate 2.4");
                finish();
                return;
            }
            while (!closed) {
                handle(HostMessage.of(reader.next()));
            }
        } catch (MsgpackReader.MalformedException e) {
            LOG.info("tmate host from {}: malformed data: {}", address, e.getMessage());
            stop("the tmate host sent malformed data");
        } catch (EOFException e) {
            stop("the tmate host disconnected");
        } catch (IOException e) {
            LOG.debug("tmate host from {} gone: {}", address, e.toString());
            stop("the tmate host disconnected");
        } catch (RuntimeException e) {
            LOG.warn("tmate host from {} failed", address, e);
            stop("relay error");
        }
    }

    private void handle(HostMessage m) throws MsgpackReader.MalformedException {
        switch (m.type()) {
            case HostMessage.EXEC_CMD -> {
                List<String> argv = m.strings(0);
                options.hostCommand(argv);
                synchronized (prefix) {
                    prefix.hostCommand(argv);
                }
            }
            case HostMessage.READY -> ready();
            case HostMessage.SYNC_LAYOUT -> {
                mirror.layout(LayoutCodec.decode(m));
                publish();
            }
            case HostMessage.PTY_DATA -> {
                mirror.output(m.integer(0, -1, Integer.MAX_VALUE), m.bytes(1));
                publish();
            }
            case HostMessage.STATUS -> {
                mirror.status(m.string(0), m.string(1));
                publish();
            }
            case HostMessage.SYNC_COPY_MODE -> {
                mirror.copyMode(m.integer(0, -1, Integer.MAX_VALUE), !m.array(1).isEmpty());
                publish();
            }
            case HostMessage.WRITE_COPY_MODE -> {
                mirror.copyLine(m.integer(0, -1, Integer.MAX_VALUE), m.string(1));
                publish();
            }
            case HostMessage.FIN -> stop("the host ended the tmate session");
            default -> { }   // UNAME, FAILED_CMD, SNAPSHOT, RECONNECT, legacy: nothing to do yet
        }
    }

    @Override
    public String transport() {
        return "ssh";
    }

    /** OUT READY: every option has arrived; open the session and give the host its links. */
    private void ready() {
        if (session != null) return;
        SessionAccess access = SessionAccess.OPEN;
        if (options.authorizedKeys()) {
            // -a FILE: only joiners proving one of these keys get in (the hub checks, for every transport).
            java.util.Set<String> keys = AuthorizedKeys.fingerprints(options.authorizedKeyLines());
            access = new SessionAccess(null, null, null, keys);
        }
        if (options.named()) {
            notify("Named sessions are not supported by this relay for tmate yet; using random tokens.");
        }
        Session s = hub.open(this, new SessionSpec("tmate", false, mirror.cols(), mirror.rows(), address,
                ResizePolicy.SMALLEST_WRITER, access));
        session = s;
        shownCols = mirror.cols();
        shownRows = mirror.rows();
        renderer = new Renderer(shownCols, shownRows);
        Links links = Links.of(s.info(Role.READ_WRITE));
        if (!options.foreground()) notify("Note: clear your terminal before sharing readonly access");
        boolean web = !access.restricted();   // like tmate.io: a restricted session is SSH-only
        if (web) notify("web session read only: " + links.webReadOnly());
        if (links.sshReadOnly() != null) notify("ssh session read only: " + links.sshReadOnly());
        if (web) notify("web session: " + links.webReadWrite());
        if (links.sshReadWrite() != null) notify("ssh session: " + links.sshReadWrite());
        send(MsgpackWriter.array(SET_ENV, "tmate_web_ro", links.webReadOnly()));
        send(MsgpackWriter.array(SET_ENV, "tmate_ssh_ro", links.sshReadOnly() == null ? "" : links.sshReadOnly()));
        send(MsgpackWriter.array(SET_ENV, "tmate_web", links.webReadWrite()));
        send(MsgpackWriter.array(SET_ENV, "tmate_ssh", links.sshReadWrite() == null ? "" : links.sshReadWrite()));
        send(MsgpackWriter.array(SET_ENV, "tmate_num_clients", "0"));
        send(MsgpackWriter.array(READY));
        publish();
    }

    /** Redraws the composed window into the session: only the cells that changed. */
    private void publish() {
        Session s = session;
        if (s == null) return;
        if (mirror.cols() != shownCols || mirror.rows() != shownRows) {
            shownCols = mirror.cols();
            shownRows = mirror.rows();
            s.resize(shownCols, shownRows);
            renderer.resize(shownCols, shownRows);
        }
        byte[] bytes = renderer.render(mirror.compose(), null);
        s.output(bytes, 0, bytes.length);
    }

    // ---- writing ----

    private void notify(String text) {
        send(MsgpackWriter.array(NOTIFY, text));
    }

    private void send(byte[] message) {
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
        finish();
    }

    /** Ends the session (idempotent) and closes the channel once the writer has flushed. */
    private void stop(String reason) {
        Session s = session;
        if (s != null) s.end(reason);   // calls ended(), which stops the writer
        closed = true;
        outbox.offer(STOP);
    }

    private void finish() {
        closed = true;
        outbox.offer(STOP);
        ExitCallback e = exit;
        if (e != null) e.onExit(0);
    }
}
