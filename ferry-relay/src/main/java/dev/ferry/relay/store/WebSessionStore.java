package dev.ferry.relay.store;

import dev.ferry.relay.auth.LoginSessions;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Login sessions in the database ({@code web_sessions}, V12): the cookie value's hash, its user and its
 * expiry. Deleting a user ends their sessions (ON DELETE CASCADE); expired rows go when next looked up
 * and, all of them, on each new login.
 */
public final class WebSessionStore implements LoginSessions {
    private final Sql sql;
    private final Clock clock;

    WebSessionStore(DataSource db, Clock clock) {
        this.sql = new Sql(db);
        this.clock = clock;
    }

    @Override
    public String create(String user) {
        long now = clock.millis();
        sql.update("DELETE FROM web_sessions WHERE expires < ?", now);
        String token = LoginSessions.newToken();
        sql.update("INSERT INTO web_sessions (token_hash, user_name, created, expires) VALUES (?, ?, ?, ?)",
                LoginSessions.hash(token), user, clock.instant().toString(), now + LIFETIME.toMillis());
        return token;
    }

    @Override
    public String user(String token) {
        if (!LoginSessions.wellFormed(token)) return null;
        String hash = LoginSessions.hash(token);
        record Row(String user, long expires) {}
        List<Row> rows = sql.query("SELECT user_name, expires FROM web_sessions WHERE token_hash = ?",
                rs -> new Row(rs.getString(1), rs.getLong(2)), hash);
        if (rows.isEmpty()) return null;
        if (rows.get(0).expires() < clock.millis()) {
            sql.update("DELETE FROM web_sessions WHERE token_hash = ?", hash);
            return null;
        }
        return rows.get(0).user();
    }

    @Override
    public void remove(String token) {
        if (LoginSessions.wellFormed(token)) sql.update("DELETE FROM web_sessions WHERE token_hash = ?", LoginSessions.hash(token));
    }
}
