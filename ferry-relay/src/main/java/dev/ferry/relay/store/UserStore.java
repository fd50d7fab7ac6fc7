package dev.ferry.relay.store;

import dev.ferry.relay.auth.AccountRole;
import dev.ferry.relay.auth.User;
import dev.ferry.relay.auth.UserKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Users and their SSH keys. Reads go to the database every time, so admin changes apply at once. */
public final class UserStore {
    private final Sql sql;

    UserStore(DataSource db) {
        this.sql = new Sql(db);
    }

    /** Adds a user; a name already taken throws a one-line error. */
    public void add(String name, Set<AccountRole> roles, String passwordHash) {
        if (find(name).isPresent()) throw new IllegalArgumentException("user " + name + " already exists");
        sql.update("INSERT INTO users (name, roles, password_hash, created) VALUES (?, ?, ?, ?)",
                name, roles(roles), passwordHash, Instant.now().toString());
    }

    public Optional<User> find(String name) {
        return sql.query("SELECT name, roles, password_hash FROM users WHERE name = ?",
                rs -> new User(rs.getString(1), parseRoles(rs.getString(2)), rs.getString(3)), name).stream().findFirst();
    }

    public List<User> list() {
        return sql.query("SELECT name, roles, password_hash FROM users ORDER BY name",
                rs -> new User(rs.getString(1), parseRoles(rs.getString(2)), rs.getString(3)));
    }

    public boolean isEmpty() {
        return sql.query("SELECT COUNT(*) FROM users", rs -> rs.getLong(1)).get(0) == 0;
    }

    /** Removes a user with their keys and API keys; false when there was none. */
    public boolean remove(String name) {
        // Explicit deletes as well as ON DELETE CASCADE: SQLite enforces it only with foreign_keys on.
        sql.update("DELETE FROM api_keys WHERE user_name = ?", name);
        sql.update("DELETE FROM user_keys WHERE user_name = ?", name);
        return sql.update("DELETE FROM users WHERE name = ?", name) > 0;
    }

    public void setPassword(String name, String passwordHash) {
        if (sql.update("UPDATE users SET password_hash = ? WHERE name = ?", passwordHash, name) == 0) {
            throw new IllegalArgumentException("no user " + name);
        }
    }

    public void addKey(String name, String fingerprint, String publicKey, String comment) {
        if (find(name).isEmpty()) throw new IllegalArgumentException("no user " + name);
        if (keys(name).stream().anyMatch(k -> k.fingerprint().equals(fingerprint))) {
            throw new IllegalArgumentException("user " + name + " already has key " + fingerprint);
        }
        sql.update("INSERT INTO user_keys (user_name, fingerprint, public_key, comment, created) VALUES (?, ?, ?, ?, ?)",
                name, fingerprint, publicKey, comment, Instant.now().toString());
    }

    public List<UserKey> keys(String name) {
        return sql.query("SELECT user_name, fingerprint, public_key, comment, created FROM user_keys WHERE user_name = ? ORDER BY created",
                rs -> new UserKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), name);
    }

    /** The one user who registered this key; empty when nobody did or several did. */
    public Optional<User> byKey(String fingerprint) {
        List<String> owners = sql.query("SELECT DISTINCT user_name FROM user_keys WHERE fingerprint = ?", rs -> rs.getString(1), fingerprint);
        return owners.size() == 1 ? find(owners.getFirst()) : Optional.empty();
    }

    /** Removes a key by fingerprint; false when the user had no such key. */
    public boolean removeKey(String name, String fingerprint) {
        return sql.update("DELETE FROM user_keys WHERE user_name = ? AND fingerprint = ?", name, fingerprint) > 0;
    }

    static String roles(Set<AccountRole> roles) {
        return roles.stream().map(AccountRole::label).sorted().collect(Collectors.joining(","));
    }

    static Set<AccountRole> parseRoles(String s) {
        return Arrays.stream(s.split(",")).filter(r -> !r.isBlank()).map(AccountRole::parse).collect(Collectors.toSet());
    }
}
