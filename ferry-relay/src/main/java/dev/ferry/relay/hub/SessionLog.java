package dev.ferry.relay.hub;

/** Where the hub reports sessions starting and ending (the store). Called outside any hub lock. */
public interface SessionLog {
    SessionLog NONE = new SessionLog() {
        @Override public void started(Session session) {}
        @Override public void ended(Session session, String reason) {}
    };

    void started(Session session);

    void ended(Session session, String reason);
}
