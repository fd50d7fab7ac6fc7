package dev.ferry.relay.store;

import dev.ferry.relay.auth.ApiKeys;
import dev.ferry.relay.auth.DeviceTokens;
import dev.ferry.relay.auth.UserNames;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Devices and their tokens (hashed), what their agents last reported, and which device groups users may use. */
public final class DeviceStore {
    private static final String COLUMNS = "name, group_name, created, revoked, online, last_seen, agent_version, os, hostname";

    private final Sql sql;

    DeviceStore(DataSource db) {
        this.sql = new Sql(db);
    }

    /** Registers a device and returns its token: the only time the token exists outside the device. */
    public String add(String name, String group) {
        UserNames.check("device name", name);
        if (group != null) UserNames.check("group name", group);
        String token = DeviceTokens.generate();
        try {
            sql.update("INSERT INTO devices (name, group_name, token_id, token_hash, created, online) VALUES (?, ?, ?, ?, ?, ?)",
                    name, group, DeviceTokens.id(token), ApiKeys.hash(token), Instant.now().toString(), false);
        } catch (StoreException e) {
            if (e.duplicate()) throw new IllegalArgumentException("device " + name + " already exists");
            throw e;
        }
        return token;
    }

    /** Who a token belongs to, known and matching its hash (revoked devices too: the caller says why it refuses). */
    public Optional<Device> authenticate(String token) {
        String id = DeviceTokens.id(token);
        if (id == null) return Optional.empty();
        record Row(String name, String hash) {}
        List<Row> rows = sql.query("SELECT name, token_hash FROM devices WHERE token_id = ?", rs -> new Row(rs.getString(1), rs.getString(2)), id);
        if (rows.isEmpty() || !ApiKeys.sameHash(rows.get(0).hash(), ApiKeys.hash(token))) return Optional.empty();
        return find(rows.get(0).name());
    }

    public Optional<Device> find(String name) {
        return sql.query("SELECT " + COLUMNS + " FROM devices WHERE name = ?", DeviceStore::row, name).stream().findFirst();
    }

    public List<Device> list() {
        return sql.query("SELECT " + COLUMNS + " FROM devices ORDER BY name", DeviceStore::row);
    }

    /** Revokes a device's token; false when there is no such device or it was already revoked. */
    public boolean revoke(String name) {
        return sql.update("UPDATE devices SET revoked = ? WHERE name = ? AND revoked IS NULL", Instant.now().toString(), name) > 0;
    }

    /** The agent connected (or said it is alive): online, seen now, with what it reported. */
    public void connected(String name, String agentVersion, String os, String hostname) {
        sql.update("UPDATE devices SET online = ?, last_seen = ?, agent_version = ?, os = ?, hostname = ? WHERE name = ?",
                true, Instant.now().toString(), agentVersion, os, hostname, name);
    }

    public void seen(String name) {
        sql.update("UPDATE devices SET last_seen = ? WHERE name = ?", Instant.now().toString(), name);
    }

    public void disconnected(String name) {
        sql.update("UPDATE devices SET online = ?, last_seen = ? WHERE name = ?", false, Instant.now().toString(), name);
    }

    /** At relay start: no agent is connected yet, whatever an earlier run left behind. */
    public void allOffline() {
        sql.update("UPDATE devices SET online = ? WHERE online = ?", false, true);
    }

    /** The device groups a user may open shells in; empty: every group. */
    public List<String> groupsOf(String user) {
        return sql.query("SELECT group_name FROM user_device_groups WHERE user_name = ? ORDER BY group_name", rs -> rs.getString(1), user);
    }

    /** Limits a user to these device groups (none: every group again). */
    public void limitGroups(String user, List<String> groups) {
        if (sql.query("SELECT name FROM users WHERE name = ?", rs -> rs.getString(1), user).isEmpty()) {
            throw new IllegalArgumentException("no user " + user);
        }
        groups.forEach(g -> UserNames.check("group name", g));
        sql.update("DELETE FROM user_device_groups WHERE user_name = ?", user);
        for (String g : groups.stream().distinct().toList()) {
            sql.update("INSERT INTO user_device_groups (user_name, group_name) VALUES (?, ?)", user, g);
        }
    }

    private static Device row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Device(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
