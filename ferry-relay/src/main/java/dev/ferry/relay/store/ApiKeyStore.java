package dev.ferry.relay.store;

import dev.ferry.relay.auth.ApiKeyInfo;
import dev.ferry.relay.auth.ApiKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** API keys, stored as SHA-256 hashes under their public id; revoked keys stay listed with their revocation time. */
public final class ApiKeyStore {
    private final Sql sql;

    ApiKeyStore(DataSource db) {
        this.sql = new Sql(db);
    }

    /** Creates a key for the user and returns it: the only time the key itself exists outside its holder. */
    public String create(String user) {
        if (sql.query("SELECT name FROM users WHERE name = ?", rs -> rs.getString(1), user).isEmpty()) {
            throw new IllegalArgumentException("no user " + user);
        }
        String key = ApiKeys.generate();
        sql.update("INSERT INTO api_keys (id, user_name, key_hash, created) VALUES (?, ?, ?, ?)",
                ApiKeys.id(key), user, ApiKeys.hash(key), Instant.now().toString());
        return key;
    }

    /**
     * The user a key belongs to, when it is well formed, known, matches its hash and is not revoked;
     * records the time of use.
     */
    public Optional<String> authenticate(String key) {
        String id = ApiKeys.id(key);
        if (id == null) return Optional.empty();
        record Row(String user, String hash, String revoked) {}
        List<Row> rows = sql.query("SELECT user_name, key_hash, revoked FROM api_keys WHERE id = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)), id);
        if (rows.isEmpty()) return Optional.empty();
        Row r = rows.get(0);
        if (r.revoked() != null || !ApiKeys.sameHash(r.hash(), ApiKeys.hash(key))) return Optional.empty();
        sql.update("UPDATE api_keys SET last_used = ? WHERE id = ?", Instant.now().toString(), id);
        return Optional.of(r.user());
    }

    /** Every key (of one user when {@code user} is not null), oldest first. */
    public List<ApiKeyInfo> list(String user) {
        String where = user == null ? "" : " WHERE user_name = ?";
        Object[] params = user == null ? new Object[0] : new Object[] {user};
        return sql.query("SELECT id, user_name, created, last_used, revoked FROM api_keys" + where + " ORDER BY created, id",
                rs -> new ApiKeyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), params);
    }

    /** Revokes a key by id; false when there is no such key or it was already revoked. */
    public boolean revoke(String id) {
        return sql.update("UPDATE api_keys SET revoked = ? WHERE id = ? AND revoked IS NULL", Instant.now().toString(), id) > 0;
    }
}
