package dev.ferry.relay.store;

import java.time.Instant;
import java.util.List;

/** The audit log: who started, joined, left and typed in which session, from where. */
public final class AuditLog {
    private final Store store;

    AuditLog(Store store) {
        this.store = store;
    }

    public void add(AuditEvent e) {
        store.update("INSERT INTO audit_events (session_id, seq, at, kind, participant, transport, address, key_fingerprint,"
                + " access, user_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, e.sessionId());
            ps.setInt(2, e.seq());
            ps.setString(3, Times.text(e.at()));
            ps.setString(4, e.kind());
            if (e.participant() == 0) ps.setNull(5, java.sql.Types.INTEGER); else ps.setInt(5, e.participant());
            ps.setString(6, e.transport());
            ps.setString(7, e.address());
            ps.setString(8, e.keyFingerprint());
            ps.setString(9, e.access());
            ps.setString(10, e.user());
            ps.setString(11, e.detail());
        });
    }

    /** One participant's typing within one second of a session: {@code bytes}, the first keystroke at {@code firstAt}. */
    public record Typing(String sessionId, int participant, Instant firstAt, long bytes) {}

    /**
     * Adds these, in one transaction, each to the row of its participant's second. An upsert (the same
     * in SQLite and PostgreSQL), so rows for the same second from several batches, even concurrent
     * ones, add up.
     */
    public void inputs(List<Typing> typing) {
        store.updateAll("INSERT INTO input_activity (session_id, participant, second, first_at, bytes) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (session_id, participant, second) DO UPDATE SET bytes = input_activity.bytes + excluded.bytes",
                typing, (ps, t) -> {
            ps.setString(1, t.sessionId());
            ps.setInt(2, t.participant());
            ps.setString(3, Times.text(Instant.ofEpochSecond(t.firstAt().getEpochSecond())));
            ps.setString(4, Times.text(t.firstAt()));
            ps.setLong(5, t.bytes());
        });
    }

    /**
     * The log, oldest first: session starts and ends, joins and leaves, and one "input" line per
     * participant per second they typed in (detail: the byte count). Filters may be null; {@code user}
     * keeps what that account did (its sessions' starts and ends, its joins, leaves and input).
     */
    public List<AuditEvent> list(String sessionId, Instant since, String user) {
        String s = Times.since(since);
        String id = sessionId == null ? "%" : sessionId;
        return store.query("SELECT session_id, seq, at, kind, participant, transport, address, key_fingerprint, access, user_name, detail"
                + " FROM audit_events WHERE session_id LIKE ? AND at >= ?" + (user == null ? "" : " AND user_name = ?")
                + " UNION ALL"
                + " SELECT i.session_id, 0, i.first_at, 'input', i.participant, j.transport, j.address, j.key_fingerprint, j.access,"
                + " j.user_name, CAST(i.bytes AS TEXT)"
                + " FROM input_activity i LEFT JOIN audit_events j ON j.session_id = i.session_id AND j.participant = i.participant"
                + " AND j.kind = 'join' WHERE i.session_id LIKE ? AND i.first_at >= ?" + (user == null ? "" : " AND j.user_name = ?")
                + " ORDER BY 3, 1, 2", ps -> {
            int n = 0;
            ps.setString(++n, id);
            ps.setString(++n, s);
            if (user != null) ps.setString(++n, user);
            ps.setString(++n, id);
            ps.setString(++n, s);
            if (user != null) ps.setString(++n, user);
        }, rs -> new AuditEvent(rs.getString(1), rs.getInt(2), Instant.parse(rs.getString(3)), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
    }

    public List<AuditEvent> list(String sessionId, Instant since) {
        return list(sessionId, since, null);
    }

    /**
     * Ends sessions the database still thinks are running (the relay was killed): returns their ids.
     * Called once at start, before any session opens.
     */
    public List<String> endOrphanedSessions(Instant now, String reason) {
        List<String> ids = store.query("SELECT id FROM sessions WHERE ended IS NULL", Store.Binder.NONE, rs -> rs.getString(1));
        for (String id : ids) {
            store.update("UPDATE sessions SET ended = ?, end_reason = ? WHERE id = ?", ps -> {
                ps.setString(1, Times.text(now));
                ps.setString(2, reason);
                ps.setString(3, id);
            });
            int seq = store.query("SELECT COALESCE(MAX(seq), 0) FROM audit_events WHERE session_id = ?", ps -> ps.setString(1, id),
                    rs -> rs.getInt(1)).getFirst();
            List<String> host = store.query("SELECT user_name FROM audit_events WHERE session_id = ? AND kind = 'start'",
                    ps -> ps.setString(1, id), rs -> rs.getString(1));
            add(new AuditEvent(id, seq + 1, now, "end", 0, null, null, null, null, host.isEmpty() ? null : host.getFirst(), reason));
        }
        return ids;
    }
}
