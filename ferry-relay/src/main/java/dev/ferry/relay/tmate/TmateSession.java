package dev.ferry.relay.tmate;

import dev.ferry.protocol.Links;
import dev.ferry.protocol.Message;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Role;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionAccess;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import dev.ferry.terminal.Renderer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * One tmate host's session, which outlives the host's connection: the mirror of its panes, the hub
 * session it is the {@link Source} of, and the link it currently speaks through. When the link
 * drops without FIN the session waits (participants stay, and are told) for the host to reconnect
 * with its reconnection data; the snapshot the host then resends repairs every pane.
 *
 * <p>Everything is guarded by this object's monitor. The hub never calls a source while holding
 * its own lock, so calling the hub from here cannot deadlock.
 */
final class TmateSession implements Source {
    private final TmateSessions owner;
    private final boolean foreground;
    private final Mirror mirror = new Mirror();

    private TmateHost link;             // null while the host is away
    private Session session;
    private Renderer renderer;
    private int shownCols, shownRows;
    private Message.Layout shownLayout;   // what pane viewers were last told
    private int askedCols, askedRows;   // the last RESIZE: a reconnected host needs it again
    private boolean askedSize;
    private String reconnectionData;
    private ScheduledFuture<?> expiry;
    private boolean ended;
    /** When the mirror last changed (System.nanoTime), and whether since its panes were compacted. */
    private long lastChange = System.nanoTime();
    private boolean changedSinceCompaction = true;

    TmateSession(TmateSessions owner, TmateHost link, boolean foreground) {
        this.owner = owner;
        this.link = link;
        this.foreground = foreground;
    }

    synchronized String id() {
        return session == null ? "-" : session.id();
    }

    /** The secret the host presents to come back (package-private for tests). */
    synchronized String reconnectionData() {
        return reconnectionData;
    }

    /** Opens the hub session and gives the host its links; a name a live session holds throws. */
    synchronized void open(SessionAccess access, String address) {
        Session s = owner.hub().open(this, new SessionSpec("tmate", false, mirror.cols(), mirror.rows(), address,
                ResizePolicy.SMALLEST_WRITER, access));
        session = s;
        shownCols = mirror.cols();
        shownRows = mirror.rows();
        renderer = new Renderer(shownCols, shownRows);
        Links links = Links.of(s.info(Role.READ_WRITE));
        boolean web = !access.restricted();   // like tmate.io: a restricted session is SSH-only
        if (!foreground) notifyHost("Note: clear your terminal before sharing readonly access");
        if (web) notifyHost("web session read only: " + links.webReadOnly());
        if (links.sshReadOnly() != null) notifyHost("ssh session read only: " + links.sshReadOnly());
        if (web) notifyHost("web session: " + links.webReadWrite());
        if (links.sshReadWrite() != null) notifyHost("ssh session: " + links.sshReadWrite());
        handshake(links);
        publishLayout();   // from now on the session has panes: pane viewers are seated as such
        publish();
    }

    /** A host came back with this session's reconnection data: same links, and the session goes on. */
    synchronized boolean reattach(TmateHost next) {
        if (ended || session == null) return false;
        TmateHost previous = link;
        link = next;
        if (previous != null && previous != next) previous.drop();   // a half-dead connection the host gave up on
        if (expiry != null) expiry.cancel(false);
        expiry = null;
        notifyHost(Notices.RECONNECTED);
        handshake(Links.of(session.info(Role.READ_WRITE)));
        if (askedSize) resize(askedCols, askedRows);
        session.notice("the tmate host is back");
        return true;
    }

    /** SET_ENV of the links, fresh reconnection data, then READY (releases {@code tmate wait tmate-ready}). */
    private void handshake(Links links) {
        send(MsgpackWriter.array(TmateHost.SET_ENV, "tmate_web_ro", links.webReadOnly()));
        send(MsgpackWriter.array(TmateHost.SET_ENV, "tmate_ssh_ro", links.sshReadOnly() == null ? "" : links.sshReadOnly()));
        send(MsgpackWriter.array(TmateHost.SET_ENV, "tmate_web", links.webReadWrite()));
        send(MsgpackWriter.array(TmateHost.SET_ENV, "tmate_ssh", links.sshReadWrite() == null ? "" : links.sshReadWrite()));
        send(MsgpackWriter.array(TmateHost.SET_ENV, "tmate_num_clients", Integer.toString(session.participantCount())));
        reconnectionData = owner.issue(this, reconnectionData);
        send(MsgpackWriter.array(TmateHost.SET_ENV, "tmate_reconnection_data", reconnectionData));
        send(MsgpackWriter.array(TmateHost.READY));
    }

    // ---- from the host's link (its reader thread) ----

    synchronized void layout(TmateHost from, Layout layout) {
        if (from != link) return;
        mirror.layout(layout);
        publishLayout();
        publish();
    }

    synchronized void output(TmateHost from, int pane, byte[] data) {
        if (from != link) return;
        mirror.output(pane, data);
        if (session != null) session.paneOutput(pane, data);
        publish();
    }

    synchronized void status(TmateHost from, String left, String right) {
        if (from != link) return;
        mirror.status(left, right);
        publishLayout();
        publish();
    }

    synchronized void copyMode(TmateHost from, int pane, Mirror.CopyView view) {
        if (from != link) return;
        mirror.copyMode(pane, view);
        publish();
    }

    synchronized void copyLine(TmateHost from, int pane, String line) {
        if (from != link) return;
        mirror.copyLine(pane, line);
        publish();
    }

    synchronized void snapshot(TmateHost from, HostMessage m) throws MsgpackReader.MalformedException {
        if (from != link) return;
        Map<Integer, byte[]> rebuilt = Snapshot.decode(m, mirror.paneSizes());
        mirror.snapshot(rebuilt);
        publish();
        // Pane viewers start those panes over too: a reset (ESC c), then the host's picture of them.
        rebuilt.forEach((pane, bytes) -> {
            byte[] reset = new byte[bytes.length + 2];
            reset[0] = 0x1b;
            reset[1] = 'c';
            System.arraycopy(bytes, 0, reset, 2, bytes.length);
            session.paneOutput(pane, reset);
        });
    }

    /** The link ended the session for good (FIN, malformed data). */
    void end(TmateHost from, String reason) {
        Session s;
        synchronized (this) {
            if (from != link) return;
            s = session;
        }
        if (s != null) s.end(reason);
    }

    /** The link dropped without FIN: keep the session for the grace period, in case the host reconnects. */
    synchronized void lost(TmateHost from) {
        if (from != link || ended) return;
        link = null;
        session.notice("the tmate host lost its connection; waiting up to " + owner.graceText() + " for it to reconnect");
        expiry = owner.later(owner.grace(), this::expire);
    }

    /**
     * Ends this session if its host is away and it holds one of these tokens: its host started over
     * with a new session under the same names. Atomic, so a host coming back meanwhile keeps it.
     */
    synchronized boolean endIfWaitingFor(java.util.Set<String> tokens) {
        if (link != null || ended || session == null) return false;
        if (!tokens.contains(session.readWriteToken()) && !tokens.contains(session.readOnlyToken())) return false;
        session.end("the tmate host started a new session with these names");
        return true;
    }

    private void expire() {
        Session s;
        synchronized (this) {
            if (link != null || ended) return;
            s = session;
        }
        s.end("the tmate host did not reconnect within " + owner.graceText());
    }

    /** Tells pane viewers the layout, when it differs from what they were last told (only layouts and status texts change it). */
    private void publishLayout() {
        Session s = session;
        if (s == null) return;
        Message.Layout panes = mirror.paneLayout();
        if (!panes.equals(shownLayout)) {
            shownLayout = panes;
            s.layout(panes);
        }
    }

    /** The mirror's pane histories, once the host has sent nothing for {@code quietNanos}. */
    @Override
    public synchronized void compactIfQuiet(long now, long quietNanos) {
        if (!changedSinceCompaction || now - lastChange < quietNanos) return;
        mirror.compactHistory();
        changedSinceCompaction = false;
    }

    synchronized boolean mirrorCompacted() {
        return mirror.historyCompacted();
    }

    /** Redraws the composed window into the session: only the cells that changed. */
    private void publish() {
        lastChange = System.nanoTime();   // every change to the mirror, and every read of it, comes here
        changedSinceCompaction = true;
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

    // ---- Source: called by the hub, never blocking ----

    @Override
    public String transport() {
        return "ssh";
    }

    @Override
    public synchronized void input(byte[] data) {
        if (link != null) link.keys(data);   // typed while the host is away: nowhere to go
    }

    @Override
    public void notice(String text) {
        notifyHost(text);
    }

    @Override
    public synchronized void joined(String transport, String address, Role role, int participants) {
        notifyHost(Notices.joined(address, participants));
        send(MsgpackWriter.array(TmateHost.SET_ENV, "tmate_num_clients", Integer.toString(participants)));
    }

    @Override
    public synchronized void left(String transport, String address, Role role, int participants) {
        notifyHost(Notices.left(address, participants));
        send(MsgpackWriter.array(TmateHost.SET_ENV, "tmate_num_clients", Integer.toString(participants)));
    }

    @Override
    public synchronized void resize(int cols, int rows) {
        askedSize = true;
        askedCols = cols;
        askedRows = rows;
        if (cols <= 0 || rows <= 0) {
            send(MsgpackWriter.array(TmateHost.RESIZE, -1, -1));   // no read-write joiner: the host's own size rules
            return;
        }
        // The joiner's whole window is the composed picture: the host's window area is one row less (our status line).
        send(MsgpackWriter.array(TmateHost.RESIZE, cols, Math.max(1, rows - 1)));
    }

    /** A browser picked a pane: the host makes its window and the pane current (its layout comes back as usual). */
    @Override
    public synchronized void selectPane(int pane) {
        if (link == null) return;
        for (Layout.Window w : mirror.layout().windows()) {
            for (Layout.Pane p : w.panes()) {
                if (p.id() != pane) continue;
                Layout.Window current = mirror.layout().current();
                if (current == null || current.index() != w.index()) link.command(List.of("select-window", "-t", ":" + w.index()));
                link.command(List.of("select-pane", "-t", "%" + pane));
                return;
            }
        }
    }

    @Override
    public synchronized void ended(String reason) {
        if (ended) return;
        ended = true;
        if (expiry != null) expiry.cancel(false);
        owner.forget(reconnectionData, this);
        owner.ended(this);
        TmateHost l = link;
        if (l != null) {
            l.send(MsgpackWriter.array(TmateHost.NOTIFY, "Session closed: " + reason));
            l.close();
        }
    }

    private void notifyHost(String text) {
        send(MsgpackWriter.array(TmateHost.NOTIFY, text));
    }

    private synchronized void send(byte[] message) {
        if (link != null) link.send(message);
    }
}
