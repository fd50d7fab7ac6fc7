package dev.ferry.relay.device;

import dev.ferry.protocol.AgentMessage;
import dev.ferry.protocol.Message;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.Source;
import java.util.concurrent.CompletableFuture;

/**
 * One shell on a device: the source of its session. Input and the participants' size go to the
 * agent link the shell is attached to; while the agent is away (a network drop) the session lives on
 * detached, and the agent's reconnection attaches it again.
 */
final class DeviceShell implements Source {
    final int id;
    final String device;
    final String user;
    final long createdNanos = System.nanoTime();
    /** Completed with the session once the agent says the shell runs, or with a refusal. */
    final CompletableFuture<Session> opened = new CompletableFuture<>();

    private final Devices devices;
    private volatile AgentLink link;
    private volatile Session session;
    private volatile long activeNanos = System.nanoTime();
    private volatile long detachedNanos;    // 0 while attached
    private volatile long emptyNanos = System.nanoTime();   // since when nobody is seated; 0 while someone is
    private volatile boolean ending;

    DeviceShell(Devices devices, int id, String device, String user, AgentLink link) {
        this.devices = devices;
        this.id = id;
        this.device = device;
        this.user = user;
        this.link = link;
    }

    Session session() { return session; }

    void started(Session s) {
        session = s;
        opened.complete(s);
    }

    AgentLink link() { return link; }

    void attach(AgentLink l) {
        link = l;
        detachedNanos = 0;
        activity();
    }

    void detach() {
        link = null;
        detachedNanos = System.nanoTime();
    }

    long detachedNanos() { return detachedNanos; }

    long activeNanos() { return activeNanos; }

    void activity() {
        activeNanos = System.nanoTime();
    }

    /** Since when the session has had no participant (0: someone is seated); kept up to date by the reaper. */
    long emptyNanos(long now) {
        Session s = session;
        if (s != null && s.participantCount() > 0) {
            emptyNanos = 0;
        } else if (emptyNanos == 0) {
            emptyNanos = now;
        }
        return emptyNanos;
    }

    /** Output from the agent. */
    void output(byte[] data) {
        activity();
        Session s = session;
        if (s != null) s.output(data, 0, data.length);
    }

    /** The agent ended the shell (or could not start it). */
    void endedByAgent(String reason) {
        ending = true;   // the agent knows: nothing to tell it back
        opened.completeExceptionally(new ShellRefusedException(409, reason));
        Session s = session;
        if (s != null) s.end(reason);
        devices.removed(this);
    }

    /** The relay ends the shell (a limit, the relay going away): the session ends and the agent is told. */
    void end(String reason) {
        Session s = session;
        if (s != null) {
            s.end(reason);   // calls ended(), which tells the agent
        } else {
            ended(reason);
        }
    }

    // ---- Source ----

    @Override
    public void input(byte[] data) {
        activity();
        AgentLink l = link;
        if (l != null) l.send(new AgentMessage.Data(id, new Message.Input(data)));
    }

    @Override
    public void notice(String text) {
        // a device shell has no host to tell
    }

    @Override
    public void resize(int cols, int rows) {
        AgentLink l = link;
        if (l != null && cols > 0 && rows > 0) l.send(new AgentMessage.Data(id, new Message.Resize(cols, rows)));
    }

    @Override
    public void ended(String reason) {
        opened.completeExceptionally(new ShellRefusedException(409, reason));
        if (!ending) {
            ending = true;
            AgentLink l = link;
            if (l != null) l.send(new AgentMessage.End(id, reason));
        }
        devices.removed(this);
    }
}
