package dev.ferry.relay.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The recordings index: one row per session's {@code .cast} file. */
public final class Recordings {
    /** Count and total size of the indexed recordings. */
    public record Stats(long count, long bytes) {}

    // The host's account is the user of the session's "start" audit event (null: an anonymous host).
    private static final String SELECT = "SELECT r.session_id, r.path, r.started, r.finished, r.duration_ms, r.bytes,"
            + " r.lost_bytes, r.cols, r.rows, r.command, (SELECT a.user_name FROM audit_events a"
            + " WHERE a.session_id = r.session_id AND a.kind = 'start') FROM recordings r";

    private final Store store;

    Recordings(Store store) {
        this.store = store;
    }

    public void started(String id, String path, Instant started, int cols, int rows, String command) {
        store.update("INSERT INTO recordings (session_id, path, started, cols, rows, command) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, id);
            ps.setString(2, path);
            ps.setString(3, Times.text(started));
            ps.setInt(4, cols);
            ps.setInt(5, rows);
            ps.setString(6, command);
        });
    }

    /** The file is complete (closed, or repaired after a crash). */
    public void finished(String id, Instant finished, Duration duration, long bytes, long lostBytes) {
        store.update("UPDATE recordings SET finished = ?, duration_ms = ?, bytes = ?, lost_bytes = ? WHERE session_id = ?", ps -> {
            ps.setString(1, Times.text(finished));
            ps.setLong(2, duration.toMillis());
            ps.setLong(3, bytes);
            ps.setLong(4, lostBytes);
            ps.setString(5, id);
        });
    }

    /** Recordings started at or after {@code since} (null: all), oldest first. */
    public List<Recording> list(Instant since) {
        return list(since, null);
    }

    /** Recordings started at or after {@code since} and hosted by {@code host} (either null: any), oldest first. */
    public List<Recording> list(Instant since, String host) {
        String byHost = host == null ? "" : " AND EXISTS (SELECT 1 FROM audit_events a WHERE a.session_id = r.session_id"
                + " AND a.kind = 'start' AND a.user_name = ?)";
        return withParticipants(store.query(SELECT + " WHERE r.started >= ?" + byHost + " ORDER BY r.started, r.session_id", ps -> {
            ps.setString(1, Times.since(since));
            if (host != null) ps.setString(2, host);
        }, Recordings::row));
    }

    public Optional<Recording> get(String id) {
        return withParticipants(store.query(SELECT + " WHERE r.session_id = ?", ps -> ps.setString(1, id), Recordings::row)).stream().findFirst();
    }

    /** Recordings the relay never finished: it stopped without closing them. */
    public List<Recording> unfinished() {
        return withParticipants(store.query(SELECT + " WHERE r.finished IS NULL ORDER BY r.started", Store.Binder.NONE, Recordings::row));
    }

    /** Recordings started before {@code cutoff}, for retention. */
    public List<Recording> startedBefore(Instant cutoff) {
        return withParticipants(store.query(SELECT + " WHERE r.started < ? ORDER BY r.started", ps -> ps.setString(1, Times.text(cutoff)),
                Recordings::row));
    }

    public void delete(String id) {
        store.update("DELETE FROM recordings WHERE session_id = ?", ps -> ps.setString(1, id));
    }

    public Stats stats() {
        return store.query("SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM recordings", Store.Binder.NONE,
                rs -> new Stats(rs.getLong(1), rs.getLong(2))).getFirst();
    }

    /** Fills in participants after the rows are read (one connection: no query inside another). */
    private List<Recording> withParticipants(List<Recording> rows) {
        return rows.stream().map(r -> new Recording(r.id(), r.path(), r.started(), r.finished(), r.duration(), r.bytes(),
                r.lostBytes(), r.cols(), r.rows(), r.command(), r.host(), participants(r.id()))).toList();
    }

    /** "2 (web rw, ssh ro)": the session's joins in order (portable SQL: no GROUP_CONCAT/string_agg). */
    private String participants(String id) {
        List<String> who = store.query("SELECT transport, access FROM audit_events WHERE session_id = ? AND kind = 'join' ORDER BY seq",
                ps -> ps.setString(1, id), rs -> rs.getString(1) + ("read-write".equals(rs.getString(2)) ? " rw" : " ro"));
        return who.isEmpty() ? "0" : who.size() + " (" + String.join(", ", who) + ")";
    }

    private static Recording row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String finished = rs.getString(4);
        return new Recording(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                finished == null ? null : Instant.parse(finished), Duration.ofMillis(rs.getLong(5)), rs.getLong(6),
                rs.getLong(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), null);
    }
}
