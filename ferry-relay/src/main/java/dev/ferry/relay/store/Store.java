package dev.ferry.relay.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.relay.auth.Accounts;
import dev.ferry.relay.auth.User;
import dev.ferry.relay.auth.UserKey;
import dev.ferry.relay.hub.Session;
import java.util.List;
import java.util.Optional;
import dev.ferry.relay.hub.SessionLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's database (see {@link Database}): records sessions as the hub reports them, and holds
 * the accounts ({@link #users()}, {@link #apiKeys()}).
 */
public final class Store implements SessionLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Store.class);

    private final HikariDataSource pool;

    private Store(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens (creating and migrating when needed) {@code ferry.db} in the data directory. */
    public static Store open(Path dataDir) throws java.io.IOException {
        return open(dataDir, null);
    }

    /** Opens the database {@code url} names (null: SQLite in the data directory), migrated. */
    public static Store open(Path dataDir, String url) throws java.io.IOException {
        return new Store(Database.open(dataDir, url));
    }

    public UserStore users() {
        return new UserStore(pool);
    }

    public DeviceStore devices() {
        return new DeviceStore(pool);
    }

    public ApiKeyStore apiKeys() {
        return new ApiKeyStore(pool);
    }

    /** Web login sessions, in the database so that relays on one PostgreSQL share them and restarts keep them. */
    public WebSessionStore webSessions() {
        return new WebSessionStore(pool, java.time.Clock.systemUTC());
    }

    /** The same with another clock (tests of expiry). */
    public WebSessionStore webSessions(java.time.Clock clock) {
        return new WebSessionStore(pool, clock);
    }

    /** The lookups the relay's transports use, straight from the database each time. */
    public Accounts accounts() {
        UserStore users = users();
        ApiKeyStore keys = apiKeys();
        return new Accounts() {
            @Override public Optional<User> user(String name) { return users.find(name); }
            @Override public Optional<User> byApiKey(String key) { return keys.authenticate(key).flatMap(users::find); }
            @Override public List<UserKey> keys(String user) { return users.keys(user); }
            @Override public Optional<User> byKey(String fingerprint) { return users.byKey(fingerprint); }
        };
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void started(Session s) {
        update("INSERT INTO sessions (id, created, host_address, command, read_only) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, s.id());
            ps.setString(2, s.created().toString());
            ps.setString(3, s.spec().hostAddress());
            ps.setString(4, s.spec().command());
            ps.setBoolean(5, s.spec().readOnly());
        });
    }

    @Override
    public void ended(Session s, String reason) {
        update("UPDATE sessions SET ended = ?, end_reason = ? WHERE id = ?", ps -> {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, reason);
            ps.setString(3, s.id());
        });
    }

    interface Binder {
        Binder NONE = ps -> { };

        void bind(PreparedStatement ps) throws SQLException;
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A failed write is logged, never thrown into the hub: the session goes on without its record. Returns rows changed. */
    int update(String sql, Binder binder) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            log.warn("database write failed: {}", e.getMessage());
            return 0;
        }
    }

    /**
     * Runs one statement for each of {@code items} as a JDBC batch in a single transaction: with many
     * sessions writing small rows, the transaction is what each write costs. Logged, never thrown, as
     * {@link #update}; on failure nothing of the batch is kept.
     */
    <T> void updateAll(String sql, List<T> items, ItemBinder<T> binder) {
        if (items.isEmpty()) return;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(ps, item);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            log.warn("database write of {} rows failed: {}", items.size(), e.getMessage());
        }
    }

    interface ItemBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** Reads rows; a failure is a one-line error for the caller (the CLI or an HTTP 500). */
    <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database read failed: " + e.getMessage(), e);
        }
    }

    public Recordings recordings() {
        return new Recordings(this);
    }

    public AuditLog audit() {
        return new AuditLog(this);
    }

    @Override
    public void close() {
        pool.close();
    }
}
